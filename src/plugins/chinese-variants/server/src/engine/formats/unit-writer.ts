import type { Converter } from '../converter';

/**
 * Collects one block-level unit of a marked-up document: convertible text runs interleaved with
 * markup that does not interrupt the text (inline tags, emphasis markers). On flush the runs are
 * converted together, so a word split by markup converts as the word it is.
 */
export class UnitWriter {
  private out = '';
  // Reused across units; counts instead of truncating arrays (truncation is slow on this path).
  private readonly pieces: string[] = [];
  private pieceCount = 0;
  private readonly textAt: number[] = []; // indexes into pieces of the convertible runs
  private textCount = 0;

  constructor(private readonly converter: Converter) {}

  /** Convertible text of the current unit. */
  text(s: string): void {
    if (s.length === 0) return;
    this.textAt[this.textCount++] = this.pieceCount;
    this.pieces[this.pieceCount++] = s;
  }

  /** Markup inside the unit, written as is. */
  glue(s: string): void {
    if (s.length > 0) this.pieces[this.pieceCount++] = s;
  }

  /** Content written as is that also ends the unit (block tags, code, entities). */
  verbatim(s: string): void {
    if (this.pieceCount > 0) this.flush();
    this.out += s;
  }

  flush(): void {
    const { pieces, textAt, textCount } = this;
    if (textCount === 1) {
      pieces[textAt[0]] = this.converter.convertText(pieces[textAt[0]]);
    } else if (textCount > 1) {
      const runs = textAt.slice(0, textCount).map((i) => pieces[i]);
      this.converter.convertWithSpans(runs).forEach((converted, k) => {
        pieces[textAt[k]] = converted;
      });
    }
    for (let k = 0; k < this.pieceCount; k += 1) this.out += pieces[k];
    this.pieceCount = 0;
    this.textCount = 0;
  }

  result(): string {
    this.flush();
    return this.out;
  }
}
