/**
 * The words of the slide room (a window slid across its input map step by step; stride and padding), in
 * English and Chinese (the tutorial's terms, src/i18n/glossary.ts).
 */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  slide: {
    play: 'Slide',
    pause: 'Pause',
    step: 'Step',
    restart: 'From the first cell',
    wholeMap: 'Whole map',
    speed: 'Speed',
    speedOption: '{{count}} cells a second',
    convNote:
      'Slide mode: the window moves one cell at a time (stride 1) and the feature map is built cell by cell, up to the window, as in the tutorial.',
    poolNote:
      'Slide mode: the 2x2 window moves by 2 cells at a time (stride 2) and the pooled map is built cell by cell, up to the window.',
    label: 'The window on {{layer}} map {{map}} and the map it builds: the arrow keys move the window.',
    below: '{{layer}} map {{map}}, {{height}}x{{width}}',
    built: '{{layer}} map {{map}}: built up to row {{row}}, column {{column}}',
    whole: '{{layer}} map {{map}}, {{height}}x{{width}}: the window is on row {{row}}, column {{column}}',
    announce: '{{layer}} map {{map}}, row {{row}}, column {{column}}: value {{value}}',
  },
  stride: {
    heading: 'Stride and zero padding',
    stride: 'Stride',
    padding: 'Zero padding',
    size: '⌊(32 + 2·{{padding}} − 5) / {{stride}}⌋ + 1 = {{size}}: a {{size}}x{{size}} map',
    chosen: 'kernel {{map}}, stride {{stride}}, zero padding {{padding}}: {{size}}x{{size}}',
    own: "the network's own map: stride 1, no padding, 28x28",
    note: 'A larger stride gives a smaller feature map; zero padding lets the kernel reach the edges of the input and keeps the map larger. LeNet-5 uses stride 1 and no padding: 32 − 5 + 1 = 28.',
  },
};

export const zh: Catalog<typeof en> = {
  slide: {
    play: '滑动',
    pause: '暂停',
    step: '单步',
    restart: '从第一个位置开始',
    wholeMap: `整张${zhTerm.featureMap}`,
    speed: '速度',
    speedOption: '每秒 {{count}} 个位置',
    convNote: `滑动演示：窗口每次移动一个位置（${zhTerm.stride}为 1），${zhTerm.featureMap}随窗口一格一格地生成，正如教程中的动画。`,
    poolNote: `滑动演示：2x2 窗口每次移动 2 个位置（${zhTerm.stride}为 2），池化后的${zhTerm.featureMap}随窗口一格一格地生成。`,
    label: `{{layer}} ${zhTerm.featureMap} {{map}} 上的窗口及它生成的${zhTerm.featureMap}：方向键移动窗口。`,
    below: `{{layer}} ${zhTerm.featureMap} {{map}}，{{height}}x{{width}}`,
    built: `{{layer}} ${zhTerm.featureMap} {{map}}：已生成到第 {{row}} 行第 {{column}} 列`,
    whole: `{{layer}} ${zhTerm.featureMap} {{map}}，{{height}}x{{width}}：窗口在第 {{row}} 行第 {{column}} 列`,
    announce: `{{layer}} ${zhTerm.featureMap} {{map}}，第 {{row}} 行第 {{column}} 列：值 {{value}}`,
  },
  stride: {
    heading: `${zhTerm.stride}与${zhTerm.zeroPadding}`,
    stride: zhTerm.stride,
    padding: zhTerm.zeroPadding,
    size: '⌊(32 + 2·{{padding}} − 5) / {{stride}}⌋ + 1 = {{size}}：得到 {{size}}x{{size}} 的特征图',
    chosen: `${zhTerm.kernel} {{map}}，${zhTerm.stride} {{stride}}，${zhTerm.zeroPadding} {{padding}}：{{size}}x{{size}}`,
    own: `网络自己的${zhTerm.featureMap}：${zhTerm.stride}为 1，不填充，28x28`,
    note: `${zhTerm.stride}越大，得到的${zhTerm.featureMap}越小；${zhTerm.zeroPadding}让${zhTerm.kernel}也能作用到输入的边缘，使${zhTerm.featureMap}更大。LeNet-5 使用${zhTerm.stride} 1、不填充：32 − 5 + 1 = 28。`,
  },
};
