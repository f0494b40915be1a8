import type { Knex } from 'knex';

/**
 * Counters for numbers that must never be reused (索引号, application tracking numbers).
 * A table of our own rather than a content type: it needs a primary key on the counter name so that
 * one atomic upsert can hand out the next value, also under concurrent writers on PostgreSQL.
 */
export async function up(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable('gongkai_sequences')) return;
  await knex.schema.createTable('gongkai_sequences', (table) => {
    table.string('seq_key', 191).primary();
    table.integer('seq_value').notNullable().defaultTo(0);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('gongkai_sequences');
}
