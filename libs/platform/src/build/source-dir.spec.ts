import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_MARKER, sourceDir } from './source-dir';

describe('sourceDir', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'source-dir-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is the directory itself when a module runs from its source', () => {
    const dir = join(root, 'services', 'classification', 'src', 'config');
    expect(sourceDir(dir)).toBe(dir);
  });

  it('maps a compiled module in the build output back to its source directory', () => {
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(join(root, 'dist', BUILD_MARKER), 'x');
    expect(sourceDir(join(root, 'dist', 'services', 'workbench', 'src', 'config'))).toBe(
      join(root, 'services', 'workbench', 'src', 'config'),
    );
  });

  it('leaves a dist folder that is not the build output alone', () => {
    const dir = join(root, 'elsewhere', 'dist', 'lib');
    expect(sourceDir(dir)).toBe(dir);
  });
});
