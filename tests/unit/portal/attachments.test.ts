/**
 * The 附件 list of a notice page (each file by name, type and size, a download link; markup-safe), and its 文号 in the page’s script.
 */
import { attachmentsHtml, documentNumberFor, fileSize } from '../../../portal/src/views/notice';
import { noticeQuery } from '../../../portal/src/queries';

describe('notice attachments', () => {
  const pdf = { name: '壶天镇2026年财政预算.pdf', ext: '.pdf', mime: 'application/pdf', size: 1536.4, url: '/uploads/budget_abc123.pdf' };
  const docx = {
    name: '申请表.docx',
    ext: '.docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    size: 35.2,
    url: '/uploads/form_9f.docx',
  };

  it('lists name, type and size with a download link, in either script', () => {
    const hans = attachmentsHtml([pdf, docx], 'zh-Hans');
    expect(hans).toContain('<h2 id="notice-attachments-heading">附件</h2>');
    expect(hans).toContain(
      '<a href="/uploads/budget_abc123.pdf" download="壶天镇2026年财政预算.pdf" data-testid="attachment-link">壶天镇2026年财政预算.pdf</a>',
    );
    expect(hans).toContain('（PDF文件 · 1.5 MB）');
    expect(hans).toContain('（Word文件 · 35 KB）');
    expect(attachmentsHtml([docx], 'zh-Hant')).toContain('（Word檔案 · 35 KB）');
  });

  it('shows nothing without attachments, and drops unsafe links while escaping names', () => {
    expect(attachmentsHtml([], 'zh-Hans')).toBe('');
    expect(attachmentsHtml(null, 'zh-Hans')).toBe('');
    const html = attachmentsHtml(
      [
        { name: '<img src=x onerror=alert(1)>.pdf', ext: '.pdf', size: 1, url: '/uploads/x.pdf' },
        { name: 'evil', ext: '.html', size: 1, url: 'javascript:alert(1)' },
      ],
      'zh-Hans',
    );
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.pdf');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
  });

  it('formats sizes from the API’s kilobytes', () => {
    expect(fileSize(0.2)).toBe('1 KB');
    expect(fileSize(1023.4)).toBe('1023 KB');
    expect(fileSize(2048)).toBe('2.0 MB');
    expect(fileSize(null)).toBe('');
  });

  it('asks the API for the attachments’ name, type, size and URL only', () => {
    expect(noticeQuery('zh-Hans').populate).toMatchObject({ attachments: { fields: ['name', 'ext', 'mime', 'size', 'url'] } });
  });
});

describe('the 文号 on a Traditional page', () => {
  const convert = async (text: string) => text.replace('壶政发', '壺政發').replace('号', '號');

  it('is converted on zh-Hant pages only, and shown as stored when the conversion fails', async () => {
    expect(await documentNumberFor({ documentNumber: '壶政发〔2026〕1号' }, 'zh-Hant', convert)).toBe('壺政發〔2026〕1號');
    expect(await documentNumberFor({ documentNumber: '壶政发〔2026〕1号' }, 'zh-Hans', convert)).toBe('壶政发〔2026〕1号');
    expect(await documentNumberFor({ documentNumber: null }, 'zh-Hant', convert)).toBeNull();
    expect(await documentNumberFor({ documentNumber: 'No. 12' }, 'zh-Hant', () => Promise.reject(new Error('not called')))).toBe('No. 12');
    expect(await documentNumberFor({ documentNumber: '壶政发〔2026〕1号' }, 'zh-Hant', () => Promise.reject(new Error('503')))).toBe('壶政发〔2026〕1号');
  });
});
