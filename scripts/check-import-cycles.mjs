// Fails when the packages' sources import in a circle: between the folders
// of a package's src/ (type-only imports count: a folder is a layer that may
// use only the layers below it), or between files through value imports
// (a circle Node would have to load half-initialised). Prints each circle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

// The repository to check: the first argument, or the one this script is in.
const root = resolve(process.argv[2] ?? join(dirname(new URL(import.meta.url).pathname), '..'));

/** The TypeScript files under `folder`, recursively. */
function sources(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The relative imports of a file: `{ target, typeOnly }`, each resolved to a `.ts` path. */
function imports(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = [];
  const add = (specifier, typeOnly) => {
    if (specifier.startsWith('.')) found.push({ target: resolve(dirname(file), specifier.replace(/\.js$/, '.ts')), typeOnly });
  };
  source.forEachChild(function visit(node) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause !== undefined &&
        (clause.isTypeOnly || (!clause.name && named !== undefined && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, onlyTypes);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
      add(node.name.text, true); // declare module '…' augments: a type-level use
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteral(argument)) add(argument.text, false);
    }
    node.forEachChild(visit);
  });
  return found;
}

/** The strongly connected components of more than one node (Tarjan). */
function circles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let next = 0;
  const connect = (node) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node), low.get(target)));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node), index.get(target)));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return found;
}

const problems = [];
for (const pkg of readdirSync(join(root, 'packages'))) {
  const src = join(root, 'packages', pkg, 'src');
  try {
    statSync(src);
  } catch {
    continue;
  }
  const files = new Map(sources(src).map((file) => [file, imports(file)]));
  const folderOf = (file) => relative(src, dirname(file)).split(sep)[0] || '.';
  const folders = new Map();
  const valueGraph = new Map();
  for (const [file, found] of files) {
    valueGraph.set(file, found.filter((i) => !i.typeOnly).map((i) => i.target));
    const from = folderOf(file);
    if (!folders.has(from)) folders.set(from, new Set());
    for (const { target } of found) {
      // The package's entry (index.ts at the top) gathers every folder: it is above them all.
      if (files.has(target) && folderOf(target) !== from && from !== '.') folders.get(from).add(folderOf(target));
    }
  }
  const folderGraph = new Map([...folders].map(([folder, targets]) => [folder, [...targets]]));
  for (const circle of circles(folderGraph)) problems.push(`packages/${pkg}/src: folders import each other: ${circle.join(', ')}`);
  for (const circle of circles(valueGraph)) {
    problems.push(`packages/${pkg}/src: files import each other: ${circle.map((file) => relative(src, file)).join(', ')}`);
  }
}
if (problems.length > 0) {
  console.error(`Import cycles:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log('No import cycle.');
