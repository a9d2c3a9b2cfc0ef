// The document metadata fields of the console's upload and edit forms.
import { h } from './dom.js';
import { authorityNames } from './labels.js';

type MetadataKey = 'title' | 'date' | 'publisher' | 'authority' | 'supersedes' | 'effectiveDate';

/** The metadata fields of the upload and edit forms; `initial` prefills them for an edit. */
export function metadataFields(initial: Partial<Record<MetadataKey, string>> = {}) {
  const field = (label: string, input: HTMLElement) => h('label', {}, label, input);
  const inputs: Record<MetadataKey, HTMLInputElement | HTMLSelectElement> = {
    title: h('input', { name: 'title', value: initial.title }),
    date: h('input', { name: 'date', type: 'date', value: initial.date }),
    publisher: h('input', { name: 'publisher', value: initial.publisher }),
    authority: h('select', { name: 'authority' }, h('option', { value: '' }, '（不指定）'), ...Object.entries(authorityNames).map(([value, name]) => h('option', { value, selected: value === initial.authority }, name))),
    supersedes: h('input', { name: 'supersedes', placeholder: '如 old/notice.md，多个用逗号分隔', value: initial.supersedes }),
    effectiveDate: h('input', { name: 'effectiveDate', type: 'date', value: initial.effectiveDate }),
  };
  const parse = (key: MetadataKey, text: string) => (key === 'supersedes' ? text.split(/[,，\s]+/).filter(Boolean) : text);
  const element = h(
    'div',
    { className: 'fields' },
    field('标题', inputs.title),
    field('发布日期', inputs.date),
    field('发布者', inputs.publisher),
    field('权威性', inputs.authority),
    field('取代的文档', inputs.supersedes),
    field('生效日期', inputs.effectiveDate),
  );
  /** The filled-in fields (for an upload). */
  const value = () => {
    const metadata: Record<string, unknown> = {};
    for (const [key, input] of Object.entries(inputs) as Array<[MetadataKey, HTMLInputElement]>) {
      const text = input.value.trim();
      if (text) metadata[key] = parse(key, text);
    }
    return metadata;
  };
  /** The fields changed from `initial`, a cleared one as null (for PATCH). */
  const changes = () => {
    const changed: Record<string, unknown> = {};
    for (const [key, input] of Object.entries(inputs) as Array<[MetadataKey, HTMLInputElement]>) {
      const text = input.value.trim();
      if (text !== (initial[key] ?? '')) changed[key] = text ? parse(key, text) : null;
    }
    return changed;
  };
  return { element, value, changes };
}
