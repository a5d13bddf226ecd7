import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotspotRow } from '../api/types';

const BAR_WIDTH = 320;
const BAR_HEIGHT = 18;

/**
 * A horizontal bar chart in plain SVG: one native button per bar (keyboard and screen reader
 * usable), its name the group, the count and the previous period's count.
 */
export function HotspotChart(props: {
  title: string;
  rows: HotspotRow[];
  labelOf: (value: string | null) => string;
  selected: string | null | undefined;
  onSelect: (row: HotspotRow) => void;
}): ReactNode {
  const { t } = useTranslation();
  const max = Math.max(1, ...props.rows.map((r) => Math.max(r.count, r.previousCount)));
  return (
    <figure className="chart" data-testid="hotspot-chart">
      <figcaption>{props.title}</figcaption>
      <ul className="bars">
        {props.rows.map((row) => {
          const name = props.labelOf(row.value);
          const words = t('insight.analytics.bar', {
            value: name,
            count: row.count,
            previous: row.previousCount,
          });
          return (
            <li key={row.value ?? ''}>
              <button
                type="button"
                className="bar"
                aria-pressed={props.selected === row.value}
                aria-label={words}
                data-testid="hotspot-bar"
                data-value={row.value ?? ''}
                data-count={row.count}
                onClick={() => props.onSelect(row)}
              >
                <span className="bar-name">{name}</span>
                <svg
                  width={BAR_WIDTH}
                  height={BAR_HEIGHT * 2}
                  role="img"
                  aria-hidden="true"
                  focusable="false"
                >
                  <rect
                    x={0}
                    y={0}
                    height={BAR_HEIGHT}
                    width={Math.max(2, (row.count / max) * BAR_WIDTH)}
                    className="bar-now"
                  />
                  <rect
                    x={0}
                    y={BAR_HEIGHT + 2}
                    height={BAR_HEIGHT / 2}
                    width={(row.previousCount / max) * BAR_WIDTH}
                    className="bar-previous"
                  />
                </svg>
                <span className="bar-count">
                  {row.count}
                  {row.significant ? ` · ${t('insight.analytics.significant')}` : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
