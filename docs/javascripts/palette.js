// The light/dark switch in the header (overrides/partials/palette.html), doing what Material's
// palette component did, without restyling the whole page when it loads.
//
// On every page load Material's component marked the body as switching colours (a rule that
// matches every element), read the header's computed style, and wrote a color-scheme meta tag:
// three full restyles to apply the scheme the page almost always had already. On the Loss page
// that was about 40 ms each on a desktop CPU, four times that on Lighthouse's simulated phone.
// Here a load changes the page only when the scheme must change (a first visit from a system in
// dark mode), and the meta tags are written once the page has been drawn.
//
// As in Material: the reader's choice is kept in localStorage ("__palette", through Material's
// __md_get/__md_set), Material's inline script applies it on the next page before it is drawn,
// a first visit follows the system's preference, and Enter on the switch moves to the next scheme.
(function () {
  const form = document.querySelector("form[data-palette-switch]");
  if (!form) {
    return;
  }
  const inputs = [...form.querySelectorAll("input[name='__palette']")];
  const themeColor = document.createElement("meta");
  themeColor.name = "theme-color";
  const colorScheme = document.createElement("meta");
  colorScheme.name = "color-scheme";

  function paletteAt(index) {
    const input = inputs[index];
    return {
      index,
      color: {
        media: input.getAttribute("data-md-color-media"),
        scheme: input.getAttribute("data-md-color-scheme"),
        primary: input.getAttribute("data-md-color-primary"),
        accent: input.getAttribute("data-md-color-accent"),
      },
    };
  }

  // The browser's own colours (scrollbars, form controls) and the phone's address bar follow
  // the header. Material's stylesheet gives the dark scheme `color-scheme: dark` and the light
  // one `light`, which is what a page without the meta tag has: writing it would restyle the page.
  function writeMetaTags() {
    const header = getComputedStyle(document.querySelector("header"));
    const [r, g, b] = header.backgroundColor.match(/\d+/g);
    themeColor.content = "#" + [r, g, b].map((c) => (+c).toString(16).padStart(2, "0")).join("");
    if (colorScheme.isConnected || !["normal", "light"].includes(header.colorScheme)) {
      colorScheme.content = header.colorScheme;
      document.head.append(colorScheme);
    }
    document.head.append(themeColor);
  }

  function show(palette) {
    for (const [key, value] of Object.entries(palette.color)) {
      if (document.body.getAttribute(`data-md-color-${key}`) !== value) {
        document.body.setAttribute(`data-md-color-${key}`, value);
      }
    }
    inputs.forEach((input, index) => {
      input.checked = index === palette.index;
      const label = input.nextElementSibling;
      if (label instanceof HTMLLabelElement) {
        label.hidden = index !== palette.index;
      }
    });
    __md_set("__palette", palette);
  }

  function switchTo(index) {
    // Material's stylesheet turns transitions off while this attribute is set, so every
    // colour changes at once.
    document.body.setAttribute("data-md-color-switching", "");
    show(paletteAt(index));
    writeMetaTags();
    requestAnimationFrame(() => document.body.removeAttribute("data-md-color-switching"));
  }

  const stored = __md_get("__palette");
  const preferred = inputs.findIndex((input) => matchMedia(input.getAttribute("data-md-color-media")).matches);
  show(paletteAt(Math.max(0, Math.min(stored ? stored.index : preferred, inputs.length - 1))));
  requestAnimationFrame(() => setTimeout(writeMetaTags));

  inputs.forEach((input, index) => input.addEventListener("change", () => switchTo(index)));
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") {
      return;
    }
    const next = inputs[(inputs.findIndex((input) => input.checked) + 1) % inputs.length];
    next.click();
    next.focus();
  });
})();
