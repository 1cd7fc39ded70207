/**
 * Text assembled from pieces of a file (XML segments without their tags, with entities
 * decoded), with a map from every unit back to its UTF-16 range in the file.
 */
import { lowerBound } from './search';

export class MappedText {
  private parts: string[] = [];
  private startsList: number[] = [];
  private endsList: number[] = [];
  private length = 0;

  /** Text copied verbatim from the file at `at`. */
  verbatim(text: string, at: number): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) {
      this.startsList.push(at + i);
      this.endsList.push(at + i + 1);
    }
    this.length += text.length;
  }

  /** Text that stands for the file's [start, end) as a whole (a decoded entity). */
  replaced(text: string, start: number, end: number): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) {
      this.startsList.push(start);
      this.endsList.push(end);
    }
    this.length += text.length;
  }

  /** A boundary no formulation may cross (an inline code, a tag between words). */
  boundary(at: number): void {
    this.replaced('\u0000', at, at);
  }

  get size(): number {
    return this.length;
  }

  get text(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }

  /** The file range of the text's [start, end). */
  toFile(start: number, end: number): [number, number] {
    if (this.length === 0) return [0, 0];
    const s = this.startsList[Math.min(start, this.length - 1)];
    const e = end > 0 ? this.endsList[Math.min(end, this.length) - 1] : s;
    return [s, Math.max(s, e)];
  }

  /**
   * The text range that maps exactly onto the file's [start, end): its first unit starts at
   * start and its last ends at end. Undefined when no such range exists (the file range cuts
   * through an entity or markup).
   */
  fromFile(start: number, end: number): [number, number] | undefined {
    let i = lowerBound(this.startsList, start, (n) => n);
    while (i < this.length && this.startsList[i] === start && this.endsList[i] === start) i++; // boundaries
    if (i >= this.length || this.startsList[i] !== start) return undefined;
    let j = i;
    while (j < this.length && this.endsList[j] < end) j++;
    if (j >= this.length || this.endsList[j] !== end) return undefined;
    return [i, j + 1];
  }
}
