// Reads a lesson directory from disk: *.yml lessons in name order, and manifests/*.yml. A lesson
// folder may come from anyone: a link (the manifests folder, or a file) that leads outside it is
// not followed, and lint says so; a link inside it is read like the file it points to.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep, isAbsolute } from 'node:path';
import { MAX_LESSON_BYTES, type CourseSources, type SourceFile } from './loader.js';

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

export type ReadResult = { ok: true; sources: CourseSources } | { ok: false; message: string };

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

function readSource(root: string, dir: string, name: string): SourceFile {
  const file = join(dir, name);
  const real = realpathSync(file);
  if (!inside(root, real)) return { file, text: '', outside: real };
  const size = statSync(real).size;
  if (size > MAX_LESSON_BYTES) return { file, text: '', tooLarge: true };
  return { file, text: readFileSync(real, 'utf8') };
}

/** YAML files, and links to files; a link that leads nowhere is reported when read. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => (entry.isFile() || (entry.isSymbolicLink() && isFileOrDangling(join(dir, entry.name)))) && isYaml(entry.name))
    .map((entry) => entry.name)
    .sort();
}

function isFileOrDangling(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return true;
  }
}

export function readLessonDir(dir: string): ReadResult {
  let root: string;
  try {
    if (!statSync(dir).isDirectory()) return { ok: false, message: `${dir}: not a directory` };
    root = realpathSync(dir);
  } catch {
    return { ok: false, message: `${dir}: no such directory` };
  }
  try {
    const lessons = yamlFiles(dir).map((name) => readSource(root, dir, name));
    if (lessons.length === 0) return { ok: false, message: 'no lesson files (*.yml) found' };
    const manifestDir = join(dir, 'manifests');
    let manifestNames: string[] = [];
    try {
      manifestNames = yamlFiles(manifestDir);
    } catch {
      manifestNames = [];
    }
    const manifests = new Map(manifestNames.map((name) => [name, readSource(root, manifestDir, name)] as const));
    return { ok: true, sources: { lessons, manifests } };
  } catch (error) {
    return { ok: false, message: `${dir}: ${(error as Error).message}` };
  }
}
