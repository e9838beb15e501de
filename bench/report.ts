export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

export function formatResults(title: string, results: BenchResult[]): string {
  const lines = [`### ${title}`, '', '| measure | value | unit |', '|---|---:|---|'];
  for (const r of results) {
    const v = r.unit === 'ratio' ? r.value.toFixed(2) : r.value >= 100 ? Math.round(r.value).toLocaleString('en-US') : r.value.toFixed(2);
    lines.push(`| ${r.name} | ${v} | ${r.unit} |`);
  }
  return `${lines.join('\n')}\n`;
}
