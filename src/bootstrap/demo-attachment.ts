import fs from 'fs';
import os from 'os';
import path from 'path';
import PDFDocument from 'pdfkit';
import type { Core } from '@strapi/strapi';

const FONT = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');

/** A one-page PDF of the budget table a township publishes, so the demo portal has a real attachment. */
function budgetPdf(title: string, rows: [string, string][]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('cjk', FONT);
    doc.font('cjk').fontSize(16).text(title, { align: 'center' }).moveDown();
    doc.fontSize(11);
    for (const [item, amount] of rows) doc.text(`${item}\u3000\u3000${amount}`);
    doc.end();
  });
}

/** Uploads the demo budget PDF through the upload service and returns the file's id. */
export async function uploadDemoBudget(strapi: Core.Strapi, year: number): Promise<number> {
  const name = `壶天镇${year}年一般公共预算收支表.pdf`;
  const pdf = await budgetPdf(`壶天镇${year}年一般公共预算收支表`, [
    ['一般公共预算收入', '1,286万元'],
    ['一般公共预算支出', '1,254万元'],
    ['其中：农林水支出', '418万元'],
    [`\u3000\u3000\u3000社会保障和就业支出`, '236万元'],
    ['“三公”经费', '12.6万元'],
  ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-demo-'));
  const filepath = path.join(dir, name);
  fs.writeFileSync(filepath, pdf);
  try {
    const [file] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({ data: {}, files: { filepath, originalFilename: name, mimetype: 'application/pdf', size: pdf.length } });
    return file.id;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
