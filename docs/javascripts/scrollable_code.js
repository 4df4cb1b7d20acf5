// A code block wider than the screen scrolls sideways, and a reader with a keyboard can scroll it
// only if it takes focus. Material makes such a block focusable only on a device that can hover
// (its code component checks matchMedia("(hover)")), so on a phone or tablet with a keyboard the
// block could not be reached. This makes it focusable on every device.
//
// Material sets or removes the block's tabindex when the page loads and whenever the block's size
// changes. This script starts after Material's (its DOMContentLoaded listener is added after the
// bundle's), so its ResizeObserver is created later and runs after Material's for the same change.
(function () {
  if (typeof document === "undefined") {
    return;
  }
  function makeScrollableFocusable(entries) {
    for (const { target } of entries) {
      if (target.scrollWidth > target.clientWidth) {
        target.setAttribute("tabindex", "0");
      }
    }
  }
  document.addEventListener("DOMContentLoaded", () => {
    const observer = new ResizeObserver(makeScrollableFocusable);
    for (const code of document.querySelectorAll("pre > code")) {
      observer.observe(code);
    }
  });
})();
