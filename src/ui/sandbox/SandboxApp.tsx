// The sandbox on a terminal: finished commands scroll away into <Static>, the live frame is
// only the prompt. Keys go through the course's router with the sandbox's own bindings
// (./keys.ts); `exit` and Ctrl-D on an empty line leave; Ctrl-C drops the line (and stops a
// port-forward), as a shell does, and never leaves.
import { Box, Static, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { KubectlIO } from '../../core/kubectl/index.js';
import { complete } from '../../core/shell/complete.js';
import type { FolderAccess } from '../../core/shell/help.js';
import { newShell, promptOf, runLine, stopPortForward, type ShellState } from '../../core/shell/shell.js';
import { useDisplay } from '../display.js';
import { beforeCursor, edit, emptyEditor, visibleLine, type Editor } from '../../core/shell/line-editor.js';
import { sandboxActions } from './keys.js';
import { hardWrap } from '../../text/hard-wrap.js';
import { lineText, width } from '../../text/line.js';
import { wrap } from '../../text/wrap.js';
import { visibleControls } from '../../core/visible-controls.js';

interface Block {
  readonly id: number;
  readonly prompt?: string;
  /** The prompt's mark when the line was typed: `$ `, or `# ` inside a container. */
  readonly mark?: string;
  readonly text: string;
  readonly tone?: 'dim' | 'plain';
}

/** A command's output folds as a terminal folds it; the sandbox's own sentences (dim) break between words. */
function shownText(block: Block, columns: number): string {
  const text = visibleControls(block.text);
  if (block.tone !== 'dim') return hardWrap(text, columns).join('\n');
  return text
    .split('\n')
    .flatMap((paragraph) => wrap(paragraph, columns).map(lineText))
    .join('\n');
}

export interface SandboxProps {
  readonly seed: number;
  readonly io: KubectlIO;
  /** Manifest names offered by Tab after -f. */
  readonly files: readonly string[];
  /** Milliseconds since an arbitrary start (the real clock; tests pass their own). */
  readonly clock?: () => number;
}

/** The longest pause that counts as time passing on the cluster: a learner back from lunch need not wait. */
const MAX_PAUSE_MS = 10 * 60 * 1000;

export function SandboxApp({ seed, io, files, clock = Date.now }: SandboxProps) {
  const { exit } = useApp();
  const { write, stdout } = useStdout();
  const { color } = useDisplay();
  const [editor, setEditor] = useState<Editor>(emptyEditor);
  const editorRef = useRef<Editor>(emptyEditor);
  const shell = useRef<ShellState>(newShell(seed));
  const last = useRef(clock());
  const [blocks, setBlocks] = useState<Block[]>([
    { id: 0, text: `nodeport-lab sandbox: a simulated cluster (seed ${seed}). Type help for the commands, exit to leave.`, tone: 'dim' },
  ]);
  const nextId = useRef(1);
  const add = (block: Omit<Block, 'id'>) => setBlocks((list) => [...list, { ...block, id: nextId.current++ }]);
  // <Static> prints each block once and never again, so printed blocks need not be kept: a long
  // session (or a pasted script) would otherwise hold every line it ever printed. The blocks this
  // render printed are dropped, keeping any added since, and a new <Static> (a new key) starts
  // printing from the first block of the shorter list.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (blocks.length <= 64) return;
    const printed = blocks[blocks.length - 1]!.id;
    setBlocks((list) => list.filter((block) => block.id > printed));
    setGeneration((g) => g + 1);
  }, [blocks]);

  // Back from the background (fg after a suspend): the exit path cleared the screen; a new block
  // makes Ink print it and draw the prompt again.
  useEffect(() => {
    const resumed = () =>
      setBlocks((list) => [...list, { id: nextId.current++, text: 'Back from the background: the cluster is as you left it.', tone: 'dim' }]);
    process.on('SIGCONT', resumed);
    return () => {
      process.off('SIGCONT', resumed);
    };
  }, []);

  const run = (line: string) => {
    const now = clock();
    const elapsed = Math.min(MAX_PAUSE_MS, Math.max(0, now - last.current));
    last.current = now;
    const mark = promptOf(shell.current);
    // ls lays out its columns for the window, as GNU ls does on a terminal.
    const sized: KubectlIO & FolderAccess = { ...io, columns: stdout.columns || 80 };
    const result = runLine(shell.current, line, sized, elapsed);
    shell.current = result.state;
    if (result.clear) write('\u001B[2J\u001B[3J\u001B[H');
    else
      add({
        prompt: line,
        mark,
        text: result.output
          .map((c) => c.text)
          .join('')
          .replace(/\n$/, ''),
      });
    if (result.exit) exit();
  };

  const completeLine = (ed: Editor): Editor => {
    const before = beforeCursor(ed);
    const completion = complete(before, shell.current.cluster, files);
    if (completion.line !== before) return edit(ed, { type: 'replace', text: completion.line });
    if (completion.candidates.length > 1) add({ prompt: ed.text, text: completion.candidates.join('  ') });
    return ed;
  };

  useInput((input, key) => {
    // Keys typed faster than a frame arrive together ("kubectl ge\t"), so each action is applied
    // to the editor as the ones before it left it.
    let ed = editorRef.current;
    for (const action of sandboxActions(input, key)) {
      switch (action.type) {
        case 'edit':
          ed = edit(ed, action.action);
          break;
        case 'submit': {
          const line = ed.text;
          ed = edit(ed, { type: 'submit' });
          run(line);
          break;
        }
        case 'complete':
          ed = completeLine(ed);
          break;
        case 'interrupt':
          shell.current = stopPortForward(shell.current);
          add({ prompt: `${ed.text}^C`, text: '' });
          ed = edit(ed, { type: 'clear' });
          break;
        case 'end-of-input':
          if (ed.text === '') exit();
          else ed = edit(ed, { type: 'delete' });
          break;
        case 'clear-screen':
          write('\u001B[2J\u001B[3J\u001B[H');
          break;
      }
    }
    editorRef.current = ed;
    setEditor(ed);
  });

  // The prompt is one row, however long the line: it scrolls sideways to keep the cursor in view.
  const columns = stdout.columns || 80;
  const { before, at, after } = visibleLine(editor, columns - 3, width);
  const promptColor = color ? 'green' : undefined;
  return (
    <>
      <Static key={generation} items={blocks}>
        {(block) => (
          <Box key={block.id} flexDirection="column">
            {block.prompt !== undefined && (
              <Text>
                <Text color={promptColor} bold>
                  {block.mark ?? '$ '}
                </Text>
                {hardWrap(visibleControls(block.prompt), columns, 2).join('\n')}
              </Text>
            )}
            {block.text !== '' && <Text dimColor={block.tone === 'dim' && color}>{shownText(block, columns)}</Text>}
          </Box>
        )}
      </Static>
      <Text>
        <Text color={promptColor} bold>
          {promptOf(shell.current)}
        </Text>
        {before}
        <Text inverse>{at}</Text>
        {after}
      </Text>
    </>
  );
}
