/** Offsets to 1-based lines and columns, for messages about glossary files. */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** A BOM is not a column a person sees. */
  private readonly bom: number;

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 - (lo === 0 ? this.bom : 0) };
  }
}
