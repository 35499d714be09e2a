// Draws lines of styled segments, each cut to the width so nothing wraps behind our back.
import { Box, Text } from 'ink';
import type { TextProps } from 'ink';
import { clip, type Line, type Style } from '../text/line.js';
import { useDisplay } from './display.js';

const COLOURS: Record<Style, TextProps> = {
  plain: {},
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
  return (color ? COLOURS[style] : NO_COLOUR[style]) ?? {};
}

export function LineView({ line, columns }: { readonly line: Line; readonly columns: number }) {
  const { color } = useDisplay();
  const cut = clip(line, columns);
  if (cut.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {cut.map((s, i) => (
        <Text key={i} {...styleProps(s.style, color)}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}

export function Lines({ lines, columns }: { readonly lines: readonly Line[]; readonly columns: number }) {
  return (
    <Box flexDirection="column">
      {lines.map((l, i) => (
        <LineView key={i} line={l} columns={columns} />
      ))}
    </Box>
  );
}
