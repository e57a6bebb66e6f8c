/**
 * The engine behind `extractToolCalls` and `ToolCallStream`: it scans text for a
 * format's markers, holds back what could still be one, runs the format's
 * parser over each call, and turns the outcome into events. The same engine
 * serves both: whole-text extraction is one push and the end, with calls kept
 * until they are complete (`live: false`); a stream announces them as soon as
 * they are known (`live: true`).
 */
import type { ToolCallFormat, WholeReplySink } from './format';
import { Parser, Status } from './grammar';

/** What the engine emits: content text, a call's start, an arguments fragment, a call's end. */
export type ToolEvent =
  | { kind: 'content'; text: string }
  | { kind: 'begin'; name: string }
  | { kind: 'args'; text: string }
  | { kind: 'finish' };

class BlockSink implements WholeReplySink {
  readonly events: ToolEvent[] = [];
  announced = false;
  open = false;
  constructor(
    private readonly machine: Machine,
    private deferred: boolean,
  ) {}
  get live(): boolean {
    return this.machine.live && !this.deferred;
  }
  goLive(): void {
    this.deferred = false;
  }
  begin(name: string): void {
    this.open = true;
    this.put({ kind: 'begin', name });
  }
  args(text: string): void {
    this.put({ kind: 'args', text });
  }
  finish(): void {
    this.open = false;
    this.put({ kind: 'finish' });
  }
  private put(e: ToolEvent): void {
    if (this.live) {
      this.announced = true;
      this.machine.emit(e);
    } else this.events.push(e);
  }
}

function escapeClass(ch: string): string {
  return /[\\\]^-]/.test(ch) ? `\\${ch}` : ch;
}

/** Scans one reply; see the module comment. */
export class Machine {
  private out: ToolEvent[] = [];
  private pending = '';
  private block: Parser | null = null;
  private sink: BlockSink | null = null;
  private raw: string[] = [];
  private skip = 1;
  private isWhole = false;
  private plain = false;
  private started = false;
  private readonly markers: readonly string[];
  private readonly firsts: RegExp;

  /** An engine for `format`; `live` streams calls as soon as they are known. */
  constructor(
    private readonly format: ToolCallFormat,
    readonly live: boolean,
  ) {
    this.markers = [...format.markers, ...(format.valueMarkers ?? [])];
    const chars = [...new Set(this.markers.map((m) => m[0]))].map(escapeClass).join('');
    this.firsts = chars ? new RegExp(`[${chars}]`, 'g') : /$^/g;
  }

  /** Adds a call event (used by the block sink). */
  emit(e: ToolEvent): void {
    if (e.kind === 'content') {
      if (!e.text) return;
      const last = this.out[this.out.length - 1];
      if (last && last.kind === 'content') {
        last.text += e.text;
        return;
      }
    }
    this.out.push(e);
  }

  /** Takes the events emitted so far. */
  take(): ToolEvent[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  /** Scans the next piece of text. */
  push(text: string): void {
    if (!this.started) this.start();
    this.process(text);
  }

  /** The text ended: open calls are completed or released as content. */
  end(): void {
    if (!this.started) this.start();
    for (;;) {
      if (this.block) {
        this.block.end();
        if (this.block.status === Status.Done) this.flush();
        else {
          const again = this.fail();
          if (again) {
            this.process(again);
            continue;
          }
        }
        continue;
      }
      if (this.pending) {
        this.content(this.pending);
        this.pending = '';
      }
      return;
    }
  }

  private start(): void {
    this.started = true;
    if (this.format.whole) {
      this.sink = new BlockSink(this, true);
      this.block = this.format.whole(this.sink);
      this.isWhole = true;
      this.raw = [];
    }
  }

  private content(text: string): void {
    this.emit({ kind: 'content', text });
  }

  private process(s: string): void {
    if (this.pending) {
      s = this.pending + s;
      this.pending = '';
    }
    let i = 0;
    while (i < s.length) {
      if (this.block) {
        const j = this.block.feed(s, i);
        if (!this.sink!.announced) this.raw.push(s.slice(i, j));
        const st = this.block.status;
        if (st === Status.Open) return;
        if (st === Status.Done) {
          this.flush();
          i = j;
          continue;
        }
        const again = this.fail();
        s = again + s.slice(j);
        i = 0;
        continue;
      }
      if (this.plain) {
        this.content(s.slice(i));
        return;
      }
      const re = this.firsts;
      re.lastIndex = i;
      let found = false;
      for (let m = re.exec(s); m; m = re.exec(s)) {
        const at = m.index;
        for (const marker of this.markers) {
          if (!s.startsWith(marker, at)) continue;
          this.content(s.slice(i, at));
          const included = this.format.valueMarkers?.includes(marker) ?? false;
          this.sink = new BlockSink(this, false);
          this.block = this.format.open!(marker, this.sink);
          this.isWhole = false;
          this.raw = included ? [] : [marker];
          this.skip = included ? 1 : marker.length;
          i = included ? at : at + marker.length;
          found = true;
          break;
        }
        if (found) break;
        if (this.markers.some((marker) => s.length - at < marker.length && marker.startsWith(s.slice(at)))) {
          this.content(s.slice(i, at));
          this.pending = s.slice(at);
          return;
        }
        if (found) break;
        re.lastIndex = at + 1;
      }
      if (!found) {
        this.content(s.slice(i));
        return;
      }
    }
  }

  private flush(): void {
    for (const e of this.sink!.events) this.emit(e);
    this.block = null;
    this.sink = null;
    this.raw = [];
  }

  /** The block failed: closes an announced call, or releases the block's text. Returns text to scan again. */
  private fail(): string {
    const sink = this.sink!;
    this.block = null;
    this.sink = null;
    if (this.isWhole) this.plain = true;
    if (sink.announced) {
      if (sink.open) this.emit({ kind: 'finish' });
      this.raw = [];
      return '';
    }
    const text = this.raw.join('');
    this.raw = [];
    if (this.isWhole) return text;
    this.content(text.slice(0, this.skip));
    return text.slice(this.skip);
  }
}
