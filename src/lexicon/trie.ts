/** A character trie with longest-match lookup: the matcher behind every word list. */
export class Trie<V> {
  private root: TrieNode<V> = { next: new Map() };
  private _size = 0;

  /** Adds a word; several values may share one word (苏丹 is a country and a title). */
  add(word: string, value: V): void {
    if (!word) return;
    let node = this.root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    if (!node.values) {
      node.values = [];
      this._size++;
    }
    if (!node.values.includes(value)) node.values.push(value);
  }

  get size(): number {
    return this._size;
  }

  /** The longest word starting at `start`, with its values, or undefined. */
  longestAt(text: string, start: number, end = text.length): { end: number; values: V[] } | undefined {
    let node: TrieNode<V> | undefined = this.root;
    let best: { end: number; values: V[] } | undefined;
    for (let i = start; i < end && node; ) {
      const code = text.codePointAt(i) ?? 0;
      const ch = String.fromCodePoint(code);
      node = node.next.get(ch);
      i += ch.length;
      if (node?.values) best = { end: i, values: node.values };
    }
    return best;
  }

  /** True when a word starts at `start`. */
  matchesAt(text: string, start: number): boolean {
    return this.longestAt(text, start) !== undefined;
  }
}

interface TrieNode<V> {
  next: Map<string, TrieNode<V>>;
  values?: V[];
}
