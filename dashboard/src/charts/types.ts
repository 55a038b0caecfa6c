/** The plain data each chart component takes: views build these, charts only draw them. */
import type { Feature } from 'geojson';

export interface Tip { x: number; y: number; lines: string[] }

export interface Series { name: string; color: string }

export interface BarRow {
  key: string;
  label: string;
  /** One value per series; null draws `note` instead of a bar (e.g. a suppressed cell). */
  values: (number | null)[];
  /** Per-series colour override, e.g. a signal colour. */
  colors?: string[];
  note?: string;
  /** Bold label: the rows the title's finding is about. */
  emphasis?: boolean;
  tip: string[];
}

export interface RefLine { value: number; label: string }

export interface LineSeries extends Series {
  key: string;
  points: { x: number; y: number | null }[];
}

/** A shaded interval under the lines, e.g. a forecast's 80 % and 95 % prediction intervals. */
export interface Band extends Series {
  key: string;
  points: { x: number; lo: number; hi: number }[];
}

export interface Tile { key: string; name: string; points: number; covered: boolean; tip: string[] }

export interface MatrixRow {
  key: string;
  label: string;
  /** One list of tiles per column (stage). */
  cells: Tile[][];
}

/** One area of a choropleth: its GeoJSON feature, fill and tooltip. */
export interface MapArea {
  key: string;
  label: string;
  feature: Feature;
  color: string;
  tip: string[];
}

/**
 * What a chart draws, for its text alternative: the frame words it in the page's language
 * (components/ChartFrame.svelte) and the chart's SVG carries it as its description.
 */
export type ChartDescription =
  | { kind: 'bar'; marks: number; axis: string; series: string[] }
  | { kind: 'line'; series: string[]; x: string; y: string; span: string }
  | { kind: 'matrix'; rows: number; columns: number; axis: string }
  | { kind: 'map'; areas: number; axis: string; classes: string[] };

/** The frame a chart is drawn in: its title (the finding) and how to word a description. */
export interface ChartFrameContext {
  readonly title: string;
  describe(d: ChartDescription): string;
}
