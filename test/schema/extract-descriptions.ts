/**
 * Extracts the TSDoc text of the protocol models (src/models/*.ts) with the
 * TypeScript compiler API, and renders src/schema/descriptions.ts from it.
 * TSDoc is gone at runtime, so `jsonSchema()` reads the committed file; the
 * test in descriptions.test.ts keeps that file in step with the sources.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/** Class and field descriptions, keyed by the class's runtime name. */
export interface Descriptions {
  classes: Record<string, string>;
  fields: Record<string, Record<string, string>>;
}

/** The model sources the descriptions come from. */
export const MODELS_DIR = path.resolve(__dirname, '../../src/models');
/** The generated module. */
export const DESCRIPTIONS_FILE = path.resolve(__dirname, '../../src/schema/descriptions.ts');

/** The model source files, sorted so the output does not depend on the directory order. */
export function modelSources(dir = MODELS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** A TSDoc comment's main text (tags such as `@example` left out), lines joined, paragraphs kept. */
function docText(node: ts.Node): string | undefined {
  const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  if (!docs?.length) return undefined;
  const raw = ts.getTextOfJSDocComment(docs[docs.length - 1].comment);
  if (!raw) return undefined;
  const text = raw
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean).join(' '))
    .filter(Boolean)
    .join('\n\n');
  return text || undefined;
}

/** `Object.defineProperty(X, 'name', { value: 'Y' })`: the runtime name Y that class X is given. */
function renamedClass(node: ts.Node): [string, string] | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const callee = node.expression;
  if (!ts.isIdentifier(callee.expression) || callee.expression.text !== 'Object' || callee.name.text !== 'defineProperty') return undefined;
  const [target, key, desc] = node.arguments;
  if (!target || !ts.isIdentifier(target) || !key || !ts.isStringLiteral(key) || key.text !== 'name') return undefined;
  if (!desc || !ts.isObjectLiteralExpression(desc)) return undefined;
  for (const p of desc.properties) {
    if (ts.isPropertyAssignment(p) && p.name.getText() === 'value' && ts.isStringLiteral(p.initializer)) {
      return [target.text, p.initializer.text];
    }
  }
  return undefined;
}

/**
 * Reads every class declaration in `files` (mixin classes declared inside
 * functions included) and returns its TSDoc and its fields' TSDoc. A class
 * renamed at runtime with `Object.defineProperty(X, 'name', …)` is keyed by
 * its runtime name. Two classes with one runtime name but different text is an error.
 */
export function extractDescriptions(files: readonly string[] = modelSources()): Descriptions {
  const classes: Record<string, string> = {};
  const fields: Record<string, Record<string, string>> = {};
  const seen = new Map<string, string>();
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2021, true);
    const renames = new Map<string, string>();
    const found: Array<{ name: string; doc?: string; fields: Record<string, string> }> = [];
    const visit = (node: ts.Node): void => {
      const renamed = renamedClass(node);
      if (renamed) renames.set(renamed[0], renamed[1]);
      if ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && node.name) {
        const own: Record<string, string> = {};
        for (const m of node.members) {
          if (!ts.isPropertyDeclaration(m) || !m.name || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) continue;
          if (m.modifiers?.some((mod) => mod.kind === ts.SyntaxKind.StaticKeyword)) continue;
          const text = docText(m);
          if (text) own[m.name.text] = text;
        }
        found.push({ name: node.name.text, doc: docText(node), fields: own });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    for (const c of found) {
      const name = renames.get(c.name) ?? c.name;
      const signature = JSON.stringify([c.doc, c.fields]);
      const earlier = seen.get(name);
      if (earlier !== undefined && earlier !== signature) {
        throw new Error(`two model classes are named ${name} with different TSDoc (${path.basename(file)})`);
      }
      seen.set(name, signature);
      if (c.doc) classes[name] = c.doc;
      if (Object.keys(c.fields).length) fields[name] = c.fields;
    }
  }
  return { classes: sortKeys(classes), fields: sortKeys(fields) };
}

function sortKeys<T>(obj: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(obj).sort()) out[k] = obj[k];
  return out;
}

/** The text of src/schema/descriptions.ts for `d`. */
export function renderDescriptions(d: Descriptions): string {
  return `/**
 * The TSDoc text of the protocol models, used as JSON Schema \`description\`s
 * (TSDoc is gone at runtime). GENERATED from src/models/*.ts by
 * test/schema/extract-descriptions.ts: do not edit by hand.
 * \`npx jest test/schema/descriptions.test.ts\` fails when this file is stale;
 * \`UPDATE_DESCRIPTIONS=1 npx jest test/schema/descriptions.test.ts\` rewrites it.
 */

/** Each model class's description, by runtime class name. */
export const CLASS_DESCRIPTIONS: Readonly<Record<string, string>> = ${JSON.stringify(d.classes, null, 2)};

/** Each field's description, by the runtime name of the class that declares it, then the field name. */
export const FIELD_DESCRIPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = ${JSON.stringify(d.fields, null, 2)};
`;
}
