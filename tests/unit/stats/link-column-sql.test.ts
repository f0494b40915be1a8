/** The trigger and repair SQL of the link columns, from names (the behaviour is tested on both databases in integration). */
import {
  driftStatement,
  repairStatement,
  triggerNames,
  triggerStatements,
  versionedTrigger,
  type LinkColumnNames,
} from '../../../src/plugins/disclosure/server/src/modules/storage/link-columns';

const names: LinkColumnNames = {
  table: 'notices',
  column: 'organization_document_id',
  link: 'notices_organization_lnk',
  own: 'notice_id',
  target: 'organization_id',
  targetTable: 'organizations',
  targetDocumentId: 'document_id',
  triggerBase: 'notices_organization_document_id_sync',
  trigger: 'notices_organization_document_id_sync_0123abcd',
};

describe('link column SQL', () => {
  it('keeps the column on insert, update and delete of a link row, on each dialect', () => {
    const sqlite = triggerStatements(names, 'sqlite').join(';\n');
    expect(triggerNames(names, 'sqlite')).toEqual(['_ins', '_upd', '_del'].map((s) => names.trigger + s));
    expect(sqlite).toMatch(
      /AFTER INSERT ON "notices_organization_lnk" BEGIN UPDATE "notices" SET "organization_document_id" = .* WHERE id = NEW\."notice_id"; END/,
    );
    expect(sqlite).toMatch(/AFTER UPDATE ON .* WHERE id = OLD\."notice_id"; UPDATE .* WHERE id = NEW\."notice_id"; END/);
    expect(sqlite).toMatch(/AFTER DELETE ON .* WHERE id = OLD\."notice_id"; END/);

    const pg = triggerStatements(names, 'postgres').join(';\n');
    expect(triggerNames(names, 'postgres')).toEqual([names.trigger]);
    expect(pg).toContain('AFTER INSERT OR UPDATE OR DELETE ON "notices_organization_lnk" FOR EACH ROW');
    expect(pg).toContain(`IF TG_OP <> 'INSERT' THEN UPDATE "notices"`);
    expect(pg).toContain(`IF TG_OP <> 'DELETE' THEN UPDATE "notices"`);
  });

  it('reads the target documentId through the link table', () => {
    expect(repairStatement(names, 'postgres')).toBe(
      'UPDATE "notices" SET "organization_document_id" = (SELECT MIN(t."document_id") FROM "notices_organization_lnk" l JOIN "organizations" t ON t.id = l."organization_id" WHERE l."notice_id" = "notices".id) ' +
        'WHERE "organization_document_id" IS DISTINCT FROM (SELECT MIN(t."document_id") FROM "notices_organization_lnk" l JOIN "organizations" t ON t.id = l."organization_id" WHERE l."notice_id" = "notices".id)',
    );
    expect(driftStatement(names, 'sqlite')).toMatch(/^SELECT COUNT\(\*\) AS drift FROM "notices" WHERE "organization_document_id" IS NOT \(SELECT MIN/);
  });

  it('names the triggers after a hash of their SQL: another link table or column is another name', () => {
    const current = versionedTrigger(names);
    expect(current).toMatch(/^notices_organization_document_id_sync_[0-9a-f]{8}$/);
    expect(versionedTrigger({ ...names, trigger: 'anything' })).toBe(current);
    expect(versionedTrigger({ ...names, link: 'notices_organization_links' })).not.toBe(current);
    expect(versionedTrigger({ ...names, own: 'notice_ref' })).not.toBe(current);
    expect(`${current}_ins`.length).toBeLessThanOrEqual(63);
  });

  it('refuses names that are not plain identifiers', () => {
    expect(() => triggerStatements({ ...names, link: 'x"; DROP TABLE notices; --' }, 'sqlite')).toThrow(/Unexpected identifier/);
  });
});
