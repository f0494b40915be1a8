import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import { fieldError } from '../common/field-error';

/** Attachment limits (plugin config `onlineAttachment`): one file per request, kinds recognised by their bytes. */
export const ATTACHMENT = { maxBytes: 5 * 1024 * 1024 };

const KINDS: { mime: string; ext: string[]; test: (b: Buffer) => boolean }[] = [
  { mime: 'application/pdf', ext: ['pdf'], test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { mime: 'image/png', ext: ['png'], test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/jpeg', ext: ['jpg', 'jpeg'], test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: ['docx'],
    test: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
  },
];

export interface Attachment {
  name: string;
  mime: string;
  sha256: string;
  content: Buffer;
}

/** A safe display name: the base name without control or path characters, at most 100 characters. */
function safeName(name: string, ext: string): string {
  const base = name
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex -- control characters are what it removes
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim();
  const cut = [...base].slice(0, 100).join('');
  return cut && cut.toLowerCase().endsWith(`.${ext}`) ? cut : `${cut || 'attachment'}.${ext}`;
}

/**
 * The one file of a multipart request (field `file`), checked: at most `maxBytes`, a PDF, PNG, JPEG or DOCX
 * by its first bytes whatever its name says. null when the request has none.
 */
export async function readAttachment(ctx: any, maxBytes: number): Promise<Attachment | null> {
  const files = ctx.request.files ?? {};
  const names = Object.keys(files);
  if (names.length === 0) return null;
  const entry = files.file;
  if (names.length > 1 || !entry || Array.isArray(entry)) {
    throw fieldError('file', '只能上传一个附件（字段名 file）', 'only one attachment, in the field "file", is accepted');
  }
  if (entry.size > maxBytes) {
    throw fieldError('file', `附件不能超过 ${Math.floor(maxBytes / 1024 / 1024)} MB`, `the attachment must be at most ${maxBytes} bytes`);
  }
  const content = await fs.readFile(entry.filepath);
  if (content.length === 0) throw fieldError('file', '附件是空文件', 'the attachment is empty');
  const declared =
    String(entry.originalFilename ?? '')
      .toLowerCase()
      .split('.')
      .pop() ?? '';
  const kind = KINDS.find((k) => k.test(content) && (k.mime !== KINDS[3].mime || declared === 'docx'));
  if (!kind) {
    throw fieldError('file', '附件须为 PDF、JPG、PNG 或 DOCX 文件', 'the attachment must be a PDF, JPG, PNG or DOCX file');
  }
  return {
    name: safeName(String(entry.originalFilename ?? ''), kind.ext[0]),
    mime: kind.mime,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}

/** Sends a stored file as a download (never rendered in the page's origin). */
export function sendFile(ctx: any, file: { name: string; mime: string; content: Buffer }) {
  ctx.set('Content-Type', file.mime);
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'private, no-store');
  ctx.body = file.content;
}
