import { memo, useEffect, useRef, useState } from 'react';
import { useDashboardStore } from '../store/store';

const SPEEDS = { slow: 1600, normal: 900, fast: 450 } as const;
type Speed = keyof typeof SPEEDS;
type PlayMode = 'single' | 'cumulative';

/**
 * Steps the year filter through the coverage: one year at a time, or growing from the first
 * year. It drives the same store action as the year fields, so every panel follows. Memoised:
 * it reads no filter, so a filter change never re-renders it.
 */
export const PlayControl = memo(function PlayControl({ first, last }: { first: number; last: number }) {
  const setYearRange = useDashboardStore((s) => s.setYearRange);
  const [playing, setPlaying] = useState(false);
  const [mode, setMode] = useState<PlayMode>('single');
  const [speed, setSpeed] = useState<Speed>('normal');
  const yearRef = useRef(first);

  useEffect(() => {
    if (!playing) return;
    const show = (year: number) => setYearRange(mode === 'single' ? { from: year, to: year } : { from: first, to: year }, 'filter-bar');
    show(yearRef.current);
    const timer = window.setInterval(() => {
      if (yearRef.current >= last) {
        setPlaying(false);
        return;
      }
      yearRef.current += 1;
      show(yearRef.current);
    }, SPEEDS[speed]);
    return () => window.clearInterval(timer);
  }, [playing, mode, speed, first, last, setYearRange]);

  const toggle = () => {
    if (!playing) {
      const current = useDashboardStore.getState().filters.yearRange;
      // Resume from the year on screen unless the last play reached the end.
      yearRef.current = current && current.to < last ? current.to : first;
    }
    setPlaying((p) => !p);
  };

  return (
    <div className="play-control" role="group" aria-label="Play through the years">
      <button type="button" className="button" onClick={toggle} aria-pressed={playing}>
        {playing ? 'Pause' : 'Play years'}
      </button>
      <label>
        <span className="sr-only">Play mode</span>
        <select value={mode} onChange={(e) => setMode(e.target.value as PlayMode)}>
          <option value="single">One year at a time</option>
          <option value="cumulative">Cumulative</option>
        </select>
      </label>
      <label>
        <span className="sr-only">Play speed</span>
        <select value={speed} onChange={(e) => setSpeed(e.target.value as Speed)}>
          <option value="slow">Slow</option>
          <option value="normal">Normal</option>
          <option value="fast">Fast</option>
        </select>
      </label>
    </div>
  );
});
