/**
 * A small virtualized table: fixed-height rows, only those in sight (plus a few) are in the DOM,
 * reused as the table scrolls, their cells filled with textContent. 100,000 rows cost what 40
 * do. Sortable headers (buttons with aria-sort) and row clicks are reported to the owner.
 */
import { h } from "./panel";

export interface ColumnDef {
  key: string;
  label: string;
  /** A CSS grid track: "7rem", "1fr". */
  width: string;
  numeric?: boolean;
}

export interface RowView {
  kind: "row" | "group";
  /** Event key (rows) or group key. */
  key: string;
  cells: string[];
  selected?: boolean;
  /** Color of the group's swatch. */
  title?: string;
}

export class VirtualTable {
  readonly root: HTMLElement;
  private readonly head: HTMLElement;
  private readonly body: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly layer: HTMLElement;
  private readonly pool: HTMLElement[] = [];
  private count = 0;
  private get: (i: number) => RowView = () => ({ kind: "row", key: "", cells: [] });
  private frame = 0;
  onSort: (column: string) => void = () => undefined;
  onRowClick: (row: RowView, index: number) => void = () => undefined;

  constructor(
    private readonly columns: ColumnDef[],
    private readonly rowHeight = 26,
  ) {
    this.head = h("div", { class: "vt-head", role: "row" });
    for (const c of columns) {
      const b = h("button", { type: "button", role: "columnheader", "data-col": c.key, "aria-sort": "none", class: c.numeric ? "num" : "" }, c.label);
      b.addEventListener("click", () => this.onSort(c.key));
      this.head.append(b);
    }
    this.spacer = h("div", { class: "vt-spacer" });
    this.layer = h("div", { class: "vt-rows", role: "rowgroup" });
    this.body = h("div", { class: "vt-body", tabindex: "0" }, this.spacer, this.layer);
    this.root = h("div", { class: "vt", role: "table", style: `--vt-columns: ${columns.map((c) => c.width).join(" ")}; --vt-row: ${rowHeight}px` }, this.head, this.body);
    this.body.addEventListener("scroll", () => this.schedule(), { passive: true });
    new ResizeObserver(() => this.schedule()).observe(this.body);
    this.layer.addEventListener("click", (ev) => {
      const el = (ev.target as HTMLElement).closest<HTMLElement>(".vt-row");
      if (!el) return;
      const i = Number(el.dataset.index);
      if (i >= 0 && i < this.count) this.onRowClick(this.get(i), i);
    });
  }

  /** Shows the sort on the headers. */
  setSort(column: string, desc: boolean): void {
    for (const b of this.head.querySelectorAll<HTMLElement>("[data-col]")) b.setAttribute("aria-sort", b.dataset.col === column ? (desc ? "descending" : "ascending") : "none");
  }

  setRows(count: number, get: (i: number) => RowView): void {
    this.count = count;
    this.get = get;
    this.spacer.style.height = `${count * this.rowHeight}px`;
    this.render();
  }

  /** Scrolls so that row i is in sight. */
  reveal(i: number): void {
    const top = i * this.rowHeight;
    const view = this.body.clientHeight;
    if (top < this.body.scrollTop || top + this.rowHeight > this.body.scrollTop + view) this.body.scrollTop = Math.max(0, top - view / 2);
    this.render();
  }

  get scroller(): HTMLElement {
    return this.body;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  render(): void {
    const rh = this.rowHeight;
    const first = Math.max(0, Math.floor(this.body.scrollTop / rh) - 4);
    const visible = Math.ceil((this.body.clientHeight || 400) / rh) + 8;
    const last = Math.min(this.count, first + visible);
    const needed = last - first;
    while (this.pool.length < needed) {
      const row = h("div", { class: "vt-row", role: "row" });
      for (let c = 0; c < this.columns.length; c++) row.append(h("span", { role: "cell", class: this.columns[c]?.numeric ? "num" : "" }));
      this.pool.push(row);
      this.layer.append(row);
    }
    this.layer.style.transform = `translateY(${first * rh}px)`;
    for (let k = 0; k < this.pool.length; k++) {
      const el = this.pool[k] as HTMLElement;
      const i = first + k;
      if (i >= last) {
        el.hidden = true;
        continue;
      }
      el.hidden = false;
      const row = this.get(i);
      el.dataset.index = String(i);
      el.dataset.key = row.key;
      el.className = `vt-row ${row.kind}${row.selected ? " selected" : ""}`;
      el.setAttribute("aria-selected", row.selected ? "true" : "false");
      const cells = el.children;
      if (row.kind === "group") {
        // A group header: one cell across the table.
        (cells[0] as HTMLElement).textContent = row.cells[0] ?? "";
        (cells[0] as HTMLElement).title = row.title ?? "";
        for (let c = 1; c < cells.length; c++) (cells[c] as HTMLElement).textContent = "";
        continue;
      }
      for (let c = 0; c < cells.length; c++) {
        const text = row.cells[c] ?? "";
        const cell = cells[c] as HTMLElement;
        if (cell.textContent !== text) cell.textContent = text;
        if (c === cells.length - 1) cell.title = text;
      }
    }
  }
}
