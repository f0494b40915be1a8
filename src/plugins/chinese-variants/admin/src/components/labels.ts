export const STATUS_LABELS: Record<string, { label: string; color: 'success' | 'warning' | 'danger' | 'neutral' }> = {
  generated: { label: '已自动生成', color: 'success' },
  edited: { label: '已人工修改', color: 'neutral' },
  stale: { label: '待更新（源文已变）', color: 'warning' },
  missing: { label: '尚未生成', color: 'danger' },
};

export function errorMessage(e: any, fallback: string): string {
  return e?.response?.data?.error?.message ?? e?.message ?? fallback;
}
