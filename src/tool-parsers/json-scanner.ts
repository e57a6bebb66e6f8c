/**
 * An incremental, validating JSON scanner: it is fed one UTF-16 code unit at a
 * time and says when a value is complete or broken, keeping only a stack of
 * open containers. It is hand-written because no kept JSON package scans a
 * value that arrives in pieces and reports where it ends without building it
 * (`JSON.parse` needs the whole text; `partial-json` re-parses the buffer on
 * every piece, which makes streaming quadratic). Regexes cannot do this: a
 * nested argument or a brace inside a string ends them early.
 */

/** The result of feeding one code unit. */
export const enum Step {
  /** The value is not complete yet. */
  More = 0,
  /** The value ended with this code unit (it is part of the value). */
  Done = 1,
  /** The value ended just before this code unit (a number): it is not part of it. */
  DoneBefore = 2,
  /** This code unit cannot continue the value. */
  Error = 3,
}

const VALUE = 0;
const STR = 1;
const ESC = 2;
const HEX = 3;
const LIT = 4;
const N_MINUS = 5;
const N_ZERO = 6;
const N_INT = 7;
const N_DOT = 8;
const N_FRAC = 9;
const N_E = 10;
const N_ESIGN = 11;
const N_EXP = 12;
const KEY_OR_END = 13;
const KEY = 14;
const COLON = 15;
const AFTER = 16;
const VALUE_OR_END = 17;
const DONE = 18;
const ERROR = 19;

const OBJ = 123;
const ARR = 91;

/** Whether `c` is JSON whitespace (space, tab, CR, LF). */
export function isJsonSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Scans one JSON value (RFC 8259), fed code unit by code unit. Leading whitespace is skipped. */
export class JsonScanner {
  private readonly stack: number[] = [];
  private state = VALUE;
  private isKey = false;
  private lit = '';
  private litAt = 0;
  private hex = 0;

  /** How many containers are open. */
  get depth(): number {
    return this.stack.length;
  }

  /** Whether the value has not started yet (only whitespace so far). */
  get pristine(): boolean {
    return this.state === VALUE && this.stack.length === 0;
  }

  /** Feeds the next code unit. After `Done`, `DoneBefore` or `Error` the scanner takes no more. */
  push(c: number): Step {
    switch (this.state) {
      case VALUE:
        return this.value(c);
      case VALUE_OR_END:
        if (isJsonSpace(c)) return Step.More;
        if (c === 93) return this.close();
        return this.value(c);
      case STR:
        if (c === 34) {
          if (this.isKey) {
            this.state = COLON;
            return Step.More;
          }
          return this.valueEnd();
        }
        if (c === 92) this.state = ESC;
        else if (c < 0x20) return this.fail();
        return Step.More;
      case ESC:
        if (c === 117) {
          this.state = HEX;
          this.hex = 0;
          return Step.More;
        }
        if (c === 34 || c === 92 || c === 47 || c === 98 || c === 102 || c === 110 || c === 114 || c === 116) {
          this.state = STR;
          return Step.More;
        }
        return this.fail();
      case HEX:
        if (!isHex(c)) return this.fail();
        if (++this.hex === 4) this.state = STR;
        return Step.More;
      case LIT:
        if (c !== this.lit.charCodeAt(this.litAt)) return this.fail();
        if (++this.litAt === this.lit.length) return this.valueEnd();
        return Step.More;
      case N_MINUS:
        if (c === 48) this.state = N_ZERO;
        else if (isDigit(c)) this.state = N_INT;
        else return this.fail();
        return Step.More;
      case N_ZERO:
        if (c === 46) this.state = N_DOT;
        else if (c === 101 || c === 69) this.state = N_E;
        else return this.numberEnd(c);
        return Step.More;
      case N_INT:
        if (isDigit(c)) return Step.More;
        if (c === 46) this.state = N_DOT;
        else if (c === 101 || c === 69) this.state = N_E;
        else return this.numberEnd(c);
        return Step.More;
      case N_DOT:
        if (!isDigit(c)) return this.fail();
        this.state = N_FRAC;
        return Step.More;
      case N_FRAC:
        if (isDigit(c)) return Step.More;
        if (c === 101 || c === 69) {
          this.state = N_E;
          return Step.More;
        }
        return this.numberEnd(c);
      case N_E:
        if (c === 43 || c === 45) this.state = N_ESIGN;
        else if (isDigit(c)) this.state = N_EXP;
        else return this.fail();
        return Step.More;
      case N_ESIGN:
        if (!isDigit(c)) return this.fail();
        this.state = N_EXP;
        return Step.More;
      case N_EXP:
        if (isDigit(c)) return Step.More;
        return this.numberEnd(c);
      case KEY_OR_END:
        if (isJsonSpace(c)) return Step.More;
        if (c === 125) return this.close();
        if (c !== 34) return this.fail();
        this.state = STR;
        this.isKey = true;
        return Step.More;
      case KEY:
        if (isJsonSpace(c)) return Step.More;
        if (c !== 34) return this.fail();
        this.state = STR;
        this.isKey = true;
        return Step.More;
      case COLON:
        if (isJsonSpace(c)) return Step.More;
        if (c !== 58) return this.fail();
        this.state = VALUE;
        return Step.More;
      case AFTER: {
        if (isJsonSpace(c)) return Step.More;
        const top = this.stack[this.stack.length - 1];
        if (c === 44) {
          this.state = top === OBJ ? KEY : VALUE;
          return Step.More;
        }
        if ((c === 125 && top === OBJ) || (c === 93 && top === ARR)) return this.close();
        return this.fail();
      }
      default:
        return this.fail();
    }
  }

  /** The input ended: `Done` when a top-level number was complete, else `Error` (or `More` never). */
  end(): Step {
    if (this.state === DONE) return Step.Done;
    if (this.stack.length === 0 && (this.state === N_ZERO || this.state === N_INT || this.state === N_FRAC || this.state === N_EXP)) {
      this.state = DONE;
      return Step.Done;
    }
    return this.fail();
  }

  private value(c: number): Step {
    if (isJsonSpace(c)) return Step.More;
    switch (c) {
      case 123:
        this.stack.push(OBJ);
        this.state = KEY_OR_END;
        return Step.More;
      case 91:
        this.stack.push(ARR);
        this.state = VALUE_OR_END;
        return Step.More;
      case 34:
        this.state = STR;
        this.isKey = false;
        return Step.More;
      case 45:
        this.state = N_MINUS;
        return Step.More;
      case 116:
        return this.literal('true');
      case 102:
        return this.literal('false');
      case 110:
        return this.literal('null');
      default:
        if (c === 48) this.state = N_ZERO;
        else if (isDigit(c)) this.state = N_INT;
        else return this.fail();
        return Step.More;
    }
  }

  private literal(word: string): Step {
    this.lit = word;
    this.litAt = 1;
    this.state = LIT;
    return Step.More;
  }

  private close(): Step {
    this.stack.pop();
    return this.valueEnd();
  }

  private valueEnd(): Step {
    if (this.stack.length === 0) {
      this.state = DONE;
      return Step.Done;
    }
    this.state = AFTER;
    return Step.More;
  }

  private numberEnd(c: number): Step {
    if (this.stack.length === 0) {
      this.state = DONE;
      return Step.DoneBefore;
    }
    this.state = AFTER;
    return this.push(c);
  }

  private fail(): Step {
    this.state = ERROR;
    return Step.Error;
  }
}

/** `JSON.parse`, or `undefined` when the text is not JSON (or nests too deep for the engine). */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Whether `v` is a JSON object (not an array, not null). */
export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
