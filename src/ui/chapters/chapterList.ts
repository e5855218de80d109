/**
 * The tutorial's sections the app shows, in the tutorial's order (shared/seed: 《CNN卷积神经网络》): each
 * chapter names its section as the tutorial writes it and says what it sets up in the app. Chapters whose
 * feature has not landed yet are listed as coming.
 */

/** What a chapter sets up (see openChapter.ts). */
export type ChapterScene =
  /** `portrait`: the node's portrait opens beside the view (src/ui/portraits). */
  | { readonly kind: 'node'; readonly layer: string; readonly backward: boolean; readonly portrait?: true }
  /** A control section opened and scrolled to; `reveal`: the test id of the part within it to bring into view. */
  | { readonly kind: 'section'; readonly section: 'training' | 'gradients'; readonly reveal?: string }
  /** The transform probe's panel, scrolled to its equivariance part (with a shift set) or to its sweeps. */
  | { readonly kind: 'probe'; readonly part: 'equivariance' | 'invariance' }
  /** A run with learned combinations (the shipped one) and its α panel, the most active c3 node pinned. */
  | { readonly kind: 'combinations' }
  | { readonly kind: 'coming' };

/** One chapter: its id (also in the address, `chapter=`), the tutorial's section title and what it shows. */
export interface Chapter {
  readonly id: string;
  /** The section's title exactly as the tutorial writes it. */
  readonly section: string;
  readonly scene: ChapterScene;
}

/** Every chapter, in the tutorial's order. */
export const CHAPTERS = [
  { id: 'convolution', section: '卷积直观解释', scene: { kind: 'node', layer: 'c1', backward: false } },
  { id: 'pooling', section: '池化直观解释', scene: { kind: 'node', layer: 's2', backward: false } },
  { id: 'fully-connected', section: '全连接层直观解释', scene: { kind: 'node', layer: 'f6', backward: false } },
  { id: 'training', section: '组合并用反向传播训练', scene: { kind: 'section', section: 'training' } },
  {
    id: 'visualization',
    section: '卷积神经网络的可视化',
    scene: { kind: 'node', layer: 'c3', backward: false, portrait: true },
  },
  { id: 'equivariance', section: '等变表示', scene: { kind: 'probe', part: 'equivariance' } },
  { id: 'pooling-invariance', section: '池化层的目的与好处', scene: { kind: 'probe', part: 'invariance' } },
  { id: 'conv-backprop', section: '下层为卷积层的反向传播', scene: { kind: 'node', layer: 'c3', backward: true } },
  { id: 'pool-backprop', section: '下层为降采样层的反向传播', scene: { kind: 'node', layer: 's2', backward: true } },
  { id: 'learned-combinations', section: '学习特征图的组合', scene: { kind: 'combinations' } },
  {
    id: 'batch-vs-online',
    section: '批量更新VS在线更新',
    scene: { kind: 'section', section: 'training', reveal: 'batch-size' },
  },
  { id: 'gradient-check', section: '检查求导是否正确', scene: { kind: 'section', section: 'gradients' } },
  { id: 'momentum', section: '动量法', scene: { kind: 'section', section: 'training', reveal: 'momentum-charts' } },
] as const satisfies readonly Chapter[];

/** A chapter's id. */
export type ChapterId = (typeof CHAPTERS)[number]['id'];

/** The chapter with `id`, or undefined. */
export function chapterById(id: string): Chapter | undefined {
  return CHAPTERS.find((chapter) => chapter.id === id);
}
