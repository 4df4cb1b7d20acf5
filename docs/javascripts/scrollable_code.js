// A code block wider than the screen scrolls sideways, and a reader with a keyboard can scroll it
// only if it takes focus. Material makes such a block focusable only on a device that can hover
// (its code component checks matchMedia("(hover)") and otherwise removes the tabindex), and, with
// `content.lazy` (mkdocs.yml), only once the block has come into view, so Tab would pass over
// blocks further down. This script makes every code block that scrolls focusable, on every
// device, from the first time the page is laid out.
//
// A ResizeObserver reports each block's size after layout (reading it then costs no extra
// layout); a MutationObserver puts the tabindex back when Material removes it from a block that
// still scrolls.
(function () {
  if (typeof document === "undefined") {
    return;
  }
  function focusableIfScrolling(code) {
    if (code.scrollWidth > code.clientWidth && code.getAttribute("tabindex") !== "0") {
      code.setAttribute("tabindex", "0");
    }
  }
  document.addEventListener("DOMContentLoaded", () => {
    const sizes = new ResizeObserver((entries) => entries.forEach(({ target }) => focusableIfScrolling(target)));
    const tabindexChanges = new MutationObserver((records) => records.forEach(({ target }) => focusableIfScrolling(target)));
    for (const code of document.querySelectorAll("pre > code")) {
      sizes.observe(code);
      tabindexChanges.observe(code, { attributes: true, attributeFilter: ["tabindex"] });
    }
  });
})();
