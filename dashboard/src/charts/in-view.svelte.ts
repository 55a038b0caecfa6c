/**
 * Which charts are drawn: those on or near the screen, and all of them while the page prints. A
 * filter change then redraws what can be seen, not every chart of a long view; a chart scrolled to
 * is drawn with the filters of the moment, and one scrolled far away gives its marks up (its SVG
 * keeps its size, so nothing moves).
 */
import { flushSync } from 'svelte';

/** How far beyond the screen charts are drawn ahead, so that scrolling finds them drawn. */
const MARGIN = '50% 0px';

const printing = $state({ on: false });
const watched = new Map<Element, (near: boolean) => void>();
let observer: IntersectionObserver | null = null;

/** Print media and the print events both draw every chart, before the page is laid out for paper. */
function watchPrinting(): void {
  printing.on = matchMedia('print').matches;
  const draw = (on: boolean) => {
    printing.on = on;
    flushSync();
  };
  matchMedia('print').addEventListener('change', (event) => draw(event.matches));
  addEventListener('beforeprint', () => draw(true));
  addEventListener('afterprint', () => draw(matchMedia('print').matches));
}

function sharedObserver(): IntersectionObserver {
  if (!observer) {
    observer = new IntersectionObserver((entries) => {
      for (const entry of entries) watched.get(entry.target)?.(entry.isIntersecting);
    }, { rootMargin: MARGIN });
    watchPrinting();
  }
  return observer;
}

/** A chart's drawing switch: `watch` its area (until the returned function is called), read `drawn`. */
export function nearView(): { readonly drawn: boolean; watch(element: Element): () => void } {
  const state = $state({ near: false });
  return {
    get drawn() { return state.near || printing.on; },
    watch(element) {
      const io = sharedObserver();
      watched.set(element, (near) => { state.near = near; });
      io.observe(element);
      return () => {
        io.unobserve(element);
        watched.delete(element);
      };
    },
  };
}
