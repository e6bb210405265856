// A tiny element builder: the console is small enough to need no framework.
type Child = Node | string | number | null | undefined | false;
type Props = Record<string, unknown> & { on?: Record<string, (e: Event) => void> };

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (key === 'on') {
      for (const [event, handler] of Object.entries(value as Record<string, (e: Event) => void>)) el.addEventListener(event, handler);
    } else if (key === 'class') {
      el.className = String(value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else if (value !== false && value !== null && value !== undefined) {
      if (key in el && !key.includes('-') && key !== 'list' && key !== 'for') {
        (el as unknown as Record<string, unknown>)[key] = value;
      } else {
        el.setAttribute(key === 'for' ? 'for' : key, String(value));
      }
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

export function clear(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

export function short(id: string | null | undefined, length = 8): string {
  if (!id) return '—';
  return id.length > length ? `${id.slice(0, length)}…` : id;
}

/** The end of an id, for ids that share a prefix (e.g. "request-..."): the whole id goes in a tooltip. */
export function tail(id: string | null | undefined, length = 8): string {
  if (!id) return '—';
  return id.length > length ? `…${id.slice(-length)}` : id;
}
