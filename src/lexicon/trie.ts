/**
 * A character trie with longest-match lookup: the matcher behind every word list. It walks UTF-16
 * code units (a character outside the BMP is two steps, which matches the same words) and
 * allocates nothing until it returns: it is asked at almost every position of every text.
 */
export class Trie<V> {
  private root: TrieNode<V> = { next: new Map() };
  private _size = 0;

  /** Adds a word; several values may share one word (苏丹 is a country and a title). */
  add(word: string, value: V): void {
    if (!word) return;
    let node = this.root;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map() };
        node.next.set(code, child);
      }
      node = child;
    }
    if (!node.values) {
      node.values = [];
      this._size++;
    }
    if (!node.values.includes(value)) node.values.push(value);
  }

  /** Makes `value` the only value of a word already added (a name found to be another's short form). */
  set(word: string, value: V): void {
    let node: TrieNode<V> | undefined = this.root;
    for (let i = 0; i < word.length && node; i++) node = node.next.get(word.charCodeAt(i));
    if (node?.values) node.values = [value];
    else this.add(word, value);
  }

  get size(): number {
    return this._size;
  }

  /** The longest word starting at `start`, with its values, or undefined. */
  longestAt(text: string, start: number, end = text.length): { end: number; values: V[] } | undefined {
    let node: TrieNode<V> | undefined = this.root;
    let best: TrieNode<V> | undefined;
    let bestEnd = start;
    const stop = Math.min(end, text.length);
    for (let i = start; i < stop; i++) {
      node = node.next.get(text.charCodeAt(i));
      if (!node) break;
      if (node.values) {
        best = node;
        bestEnd = i + 1;
      }
    }
    return best ? { end: bestEnd, values: best.values as V[] } : undefined;
  }

  /** True when a word starts at `start`. */
  matchesAt(text: string, start: number): boolean {
    let node: TrieNode<V> | undefined = this.root;
    for (let i = start; i < text.length; i++) {
      node = node.next.get(text.charCodeAt(i));
      if (!node) return false;
      if (node.values) return true;
    }
    return false;
  }
}

interface TrieNode<V> {
  next: Map<number, TrieNode<V>>;
  values?: V[];
}
