import { Box, Typography } from '@strapi/design-system';
import { useT } from '../../intl';

/** Notices published per month as a plain SVG bar chart. */
export const MonthBars = ({ counts, title }: { counts: number[]; title: string }) => {
  const t = useT();
  const max = Math.max(1, ...counts);
  const w = 36;
  const h = 140;
  return (
    <Box>
      <Typography variant="delta" tag="h3">
        {title}
      </Typography>
      <svg role="img" aria-label={title} width={counts.length * w + 10} height={h + 40}>
        {counts.map((n, i) => {
          const bh = Math.round((n / max) * h);
          return (
            <g key={i}>
              <rect x={i * w + 8} y={h - bh + 14} width={w - 12} height={bh} fill="#4945ff">
                <title>{t('months.bar', { month: i + 1, n })}</title>
              </rect>
              <text x={i * w + 8 + (w - 12) / 2} y={h - bh + 10} fontSize="10" textAnchor="middle">
                {n}
              </text>
              <text x={i * w + 8 + (w - 12) / 2} y={h + 30} fontSize="11" textAnchor="middle">
                {t('months.month', { month: i + 1 })}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
};
