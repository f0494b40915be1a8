export const STATUS_LABELS: Record<string, { label: string; color: 'success' | 'warning' | 'danger' | 'neutral'; explain: string }> = {
  generated: { label: '已自动生成', color: 'success', explain: '繁体版本由简体原文自动转换，简体修改后会自动更新。' },
  edited: {
    label: '已人工修改',
    color: 'neutral',
    explain: '有人直接修改过繁体版本。简体原文以后再修改时，繁体版本不会被自动覆盖。',
  },
  stale: {
    label: '待更新（源文已变）',
    color: 'warning',
    explain: '繁体版本被人工修改过，之后简体原文又有修改：繁体版本没有跟着更新，可能与简体不一致。',
  },
  missing: { label: '尚未生成', color: 'danger', explain: '还没有繁体版本：点“重新生成”从简体原文转换。' },
};

/** What each action does, said where the buttons are. */
export const ACTION_HINTS = {
  regenerate: '重新生成：按当前简体原文重新转换，覆盖繁体版本上的人工修改。',
  keep: '保留我的修改：繁体版本保持不变，并标记为已核对（不再提示待更新）。',
};

export function errorMessage(e: any, fallback: string): string {
  return e?.response?.data?.error?.message ?? e?.message ?? fallback;
}
