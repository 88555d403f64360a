// The source-comparison panel's only script (loaded with the page's nonce). It never builds HTML: the extension
// renders escaped markup; this file switches tabs and turns clicks and keys into messages to the extension.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();

  /** @param {string} id @param {boolean} focus */
  function selectTab(id, focus) {
    const tabs = /** @type {HTMLElement[]} */ (Array.from(document.querySelectorAll('[role="tab"]')));
    for (const tab of tabs) {
      const selected = tab.dataset.tab === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute('aria-controls') || '');
      if (panel) panel.hidden = !selected;
      if (selected && focus) tab.focus();
    }
    vscode.postMessage({ type: 'tab', tab: id });
  }

  /** @param {Element} el */
  function open(el) {
    const index = Number(/** @type {HTMLElement} */ (el).dataset.open);
    if (Number.isInteger(index)) vscode.postMessage({ type: 'open', index });
  }

  document.addEventListener('click', (event) => {
    const target = /** @type {Element} */ (event.target);
    const tab = target.closest('[data-tab]');
    if (tab) {
      selectTab(/** @type {HTMLElement} */ (tab).dataset.tab || 'compare', false);
      return;
    }
    const action = target.closest('[data-action]');
    if (action) {
      vscode.postMessage({ type: /** @type {HTMLElement} */ (action).dataset.action });
      return;
    }
    const passage = target.closest('[data-open]');
    if (passage) {
      event.preventDefault();
      // Selecting words to copy them is not a request to open the source.
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed && passage.contains(selection.anchorNode)) return;
      open(passage);
    }
  });

  document.addEventListener('keydown', (event) => {
    const target = /** @type {Element} */ (event.target);
    if (target.matches('[role="tab"]')) {
      const tabs = /** @type {HTMLElement[]} */ (Array.from(document.querySelectorAll('[role="tab"]')));
      const i = tabs.indexOf(/** @type {HTMLElement} */ (target));
      let next = -1;
      if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (i + 1) % tabs.length;
      else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (i - 1 + tabs.length) % tabs.length;
      else if (event.key === 'Home') next = 0;
      else if (event.key === 'End') next = tabs.length - 1;
      if (next >= 0) {
        event.preventDefault();
        selectTab(tabs[next].dataset.tab || 'compare', true);
      }
      return;
    }
    // Passages are blockquotes with role="link": Enter opens them, as it does a link (<a> elements do it themselves).
    if ((event.key === 'Enter' || event.key === ' ') && target.matches('blockquote[data-open]')) {
      event.preventDefault();
      open(target);
    }
  });

  // A re-render replaces the page; put the keyboard back on the tab or button it was on.
  document.addEventListener('focusin', (event) => {
    const el = /** @type {HTMLElement} */ (event.target);
    const key = el.dataset && (el.dataset.tab ? `tab:${el.dataset.tab}` : el.dataset.action ? `action:${el.dataset.action}` : undefined);
    vscode.setState({ ...(vscode.getState() || {}), focus: key });
  });
  const saved = vscode.getState();
  if (saved && typeof saved.focus === 'string' && document.hasFocus()) {
    const [kind, value] = saved.focus.split(':');
    const el = /** @type {HTMLElement | null} */ (document.querySelector(kind === 'tab' ? `[data-tab="${value}"]` : `[data-action="${value}"]`));
    if (el && !el.closest('[hidden]')) el.focus();
  }

  vscode.postMessage({ type: 'ready' });
})();
