import { Area, CartesianGrid, ComposedChart, Legend, Line, XAxis, YAxis } from 'recharts';
import type { ChartMonth } from './trend';

// GOV.UK palette; each series also has its own dash, so colour never carries the meaning alone.
const BLUE = '#1d70b8';
const GREEN = '#00703c';
const PURPLE = '#4c2c92';
const ORANGE = '#b35100';

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
/** "2025-02" as "Feb 2025", as the tables beside the chart say it. */
export const monthTick = (month: string) => (/^\d{4}-\d{2}$/.test(month) ? MONTH.format(new Date(`${month}-01T00:00:00Z`)) : month);

/**
 * Demand against placed and open beds month by month, then the forecast with its band. One image
 * to assistive technology, named by `label`; the tables beside it give every figure.
 */
export default function TrendChart({ months, label }: { months: ChartMonth[]; label: string }) {
  return (
    <ComposedChart
      data={months}
      responsive
      style={{ width: '100%', height: 360 }}
      margin={{ top: 10, right: 20, bottom: 10, left: 0 }}
      accessibilityLayer={false}
      role="img"
      aria-label={label}
    >
      <CartesianGrid stroke="#b1b4b6" strokeDasharray="2 4" />
      <XAxis dataKey="month" tickFormatter={monthTick} tick={{ fill: '#0b0c0c', fontSize: 14 }} />
      <YAxis allowDecimals={false} tick={{ fill: '#0b0c0c', fontSize: 14 }} />
      <Legend />
      <Area dataKey="band" name="Forecast 80% band" fill={BLUE} fillOpacity={0.15} stroke="none" isAnimationActive={false} />
      <Line dataKey="referrals" name="Referrals" stroke={BLUE} strokeWidth={3} dot={false} isAnimationActive={false} />
      <Line dataKey="placed" name="Placed" stroke={GREEN} strokeWidth={3} strokeDasharray="8 4" dot={false} isAnimationActive={false} />
      <Line dataKey="openBeds" name="Open beds" stroke={PURPLE} strokeWidth={3} strokeDasharray="2 3" dot={{ r: 4 }} connectNulls={false} isAnimationActive={false} />
      <Line dataKey="demand" name="Forecast referrals" stroke={ORANGE} strokeWidth={3} dot={{ r: 3 }} isAnimationActive={false} />
    </ComposedChart>
  );
}
