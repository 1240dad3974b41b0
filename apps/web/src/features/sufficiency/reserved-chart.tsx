import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';

/** Empty bed-nights by provider, as bars; one image to assistive technology, named by `label`, with its table beside it. */
export default function ReservedChart({ providers, label }: { providers: { name: string; nightsEmpty: number }[]; label: string }) {
  return (
    <BarChart
      data={providers}
      layout="vertical"
      responsive
      style={{ width: '100%', height: Math.max(120, 48 * providers.length + 50) }}
      margin={{ top: 10, right: 20, bottom: 10, left: 10 }}
      accessibilityLayer={false}
      role="img"
      aria-label={label}
    >
      <CartesianGrid stroke="#b1b4b6" strokeDasharray="2 4" horizontal={false} />
      <XAxis type="number" allowDecimals={false} tick={{ fill: '#0b0c0c', fontSize: 14 }} />
      <YAxis type="category" dataKey="name" width={160} tick={{ fill: '#0b0c0c', fontSize: 14 }} />
      <Bar dataKey="nightsEmpty" name="Empty bed-nights" fill="#1d70b8" isAnimationActive={false} />
    </BarChart>
  );
}
