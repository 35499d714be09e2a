// Draws lines of styled segments, each cut to the width so nothing wraps behind our back.
import { Box, Text } from 'ink';
import type { TextProps } from 'ink';
import { memo } from 'react';
import { clip, type Line, type Style } from '../text/line.js';
import { useDisplay } from './display.js';
import { hasControl, visibleControls } from '../core/visible-controls.js';

const UNSTYLED: TextProps = {};

const COLOURS: Record<Style, TextProps> = {
  plain: UNSTYLED,
  heading: { bold: true },
  dim: { dimColor: true },
  code: { color: 'cyan' },
  command: { color: 'cyan', bold: true },
  border: { color: 'gray' },
  focus: { color: 'yellow', bold: true },
  cursor: { inverse: true },
  good: { color: 'green', bold: true },
  bad: { color: 'red', bold: true },
  nodePort: { color: 'yellow', bold: true },
  port: { color: 'cyan', bold: true },
  targetPort: { color: 'magenta', bold: true },
  containerPort: { color: 'green', bold: true },
};

const NO_COLOUR: Partial<Record<Style, TextProps>> = { heading: { bold: true }, focus: { bold: true }, command: { bold: true }, cursor: { inverse: true } };

export function styleProps(style: Style, color: boolean): TextProps {
  return (color ? COLOURS[style] : NO_COLOUR[style]) ?? UNSTYLED;
}

interface LineProps {
  readonly line: Line;
  readonly columns: number;
}

/** Same text in the same styles: screens build their lines afresh for every frame. */
const sameLine = (a: Line, b: Line): boolean => a === b || (a.length === b.length && a.every((s, i) => s.text === b[i]!.text && s.style === b[i]!.style));

// A key changes a few rows of a screen; the others are left to React as they were.
export const LineView = memo(
  function LineView({ line, columns }: LineProps) {
    const { color } = useDisplay();
    // Our styles are Ink's props; escapes inside the text can only have come from input.
    const cut = clip(line.some((s) => hasControl(s.text)) ? line.map((s) => ({ ...s, text: visibleControls(s.text) })) : line, columns);
    if (cut.length === 0) return <Text> </Text>;
    return (
      <Text wrap="truncate-end">
        {cut.map((s, i) => {
          const props = styleProps(s.style, color);
          // Unstyled text needs no Text of its own: one component and one Ink node fewer a piece.
          return props === UNSTYLED ? (
            s.text
          ) : (
            <Text key={i} {...props}>
              {s.text}
            </Text>
          );
        })}
      </Text>
    );
  },
  (before, after) => before.columns === after.columns && sameLine(before.line, after.line),
);

export function Lines({ lines, columns }: { readonly lines: readonly Line[]; readonly columns: number }) {
  return (
    <Box flexDirection="column">
      {lines.map((l, i) => (
        <LineView key={i} line={l} columns={columns} />
      ))}
    </Box>
  );
}
