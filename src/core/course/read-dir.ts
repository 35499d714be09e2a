// Reads a lesson directory from disk: *.yml lessons in name order, and manifests/*.yml.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_LESSON_BYTES, type CourseSources, type SourceFile } from './loader.js';


const isYaml = (name: string) => /\.ya?ml$/i.test(name);

export type ReadResult = { ok: true; sources: CourseSources } | { ok: false; message: string };

function readSource(dir: string, name: string): SourceFile {
  const file = join(dir, name);
  const size = statSync(file).size;
  if (size > MAX_LESSON_BYTES) return { file, text: '', tooLarge: true };
  return { file, text: readFileSync(file, 'utf8') };
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && isYaml(entry.name))
    .map((entry) => entry.name)
    .sort();
}

export function readLessonDir(dir: string): ReadResult {
  try {
    if (!statSync(dir).isDirectory()) return { ok: false, message: `${dir}: not a directory` };
  } catch {
    return { ok: false, message: `${dir}: no such directory` };
  }
  try {
    const lessons = yamlFiles(dir).map((name) => readSource(dir, name));
    if (lessons.length === 0) return { ok: false, message: 'no lesson files (*.yml) found' };
    const manifestDir = join(dir, 'manifests');
    let manifestNames: string[] = [];
    try {
      manifestNames = yamlFiles(manifestDir);
    } catch {
      manifestNames = [];
    }
    const manifests = new Map(manifestNames.map((name) => [name, readSource(manifestDir, name)] as const));
    return { ok: true, sources: { lessons, manifests } };
  } catch (error) {
    return { ok: false, message: `${dir}: ${(error as Error).message}` };
  }
}
