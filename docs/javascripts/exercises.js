// Check a reader's answers to the exercises at the end of a lecture page, in the browser.
//
// The page (sitebuild/exercises/render.py) gives each exercise its key in data attributes:
// data-kind (number, output or choice), data-key and, for numbers, data-tolerance. The words
// to say come from the data attributes of the enclosing .exercises block, in the page's
// language. The verdict goes to the exercise's aria-live region, with the hint (or the
// misconception of the option chosen) when the answer is not right yet. Solved exercises are
// remembered in localStorage, per page and exercise id, and nowhere else.
"use strict";

(function () {
  // A number as readers write it: 0.5, .5, -5e-1, 50 %, 1/2, 61,100,840, full-width digits,
  // and a count in Korean units (3만, 1.1억). Returns null for anything else.
  function parseNumber(text) {
    let s = String(text).normalize("NFKC").replace(/\s+/g, "").replace(/[\u2212\u2013]/g, "-");
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?/.test(s)) {
      s = s.replace(/,/g, ""); // thousands separators
    }
    let scale = 1;
    if (s.endsWith("%")) {
      scale = 0.01;
      s = s.slice(0, -1);
    } else if (s.endsWith("만")) {
      scale = 1e4;
      s = s.slice(0, -1);
    } else if (s.endsWith("억")) {
      scale = 1e8;
      s = s.slice(0, -1);
    }
    const plain = "[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:e[+-]?\\d+)?";
    const number = new RegExp("^" + plain + "$", "i");
    const fraction = new RegExp("^(" + plain + ")/(" + plain + ")$", "i");
    let value = null;
    const parts = s.match(fraction);
    if (parts) {
      value = Number(parts[1]) / Number(parts[2]);
    } else if (number.test(s)) {
      value = Number(s);
    }
    return value !== null && Number.isFinite(value) ? value * scale : null;
  }

  // What a snippet printed, compared without whitespace: "(2, 3)" and "(2,3)" are the same.
  function sameOutput(answer, key) {
    const squeeze = (text) => String(text).normalize("NFKC").replace(/\s+/g, "");
    if (squeeze(answer) === squeeze(key)) {
      return true;
    }
    const given = parseNumber(answer);
    const expected = parseNumber(key);
    return given !== null && expected !== null && given === expected;
  }

  // Within the tolerance, allowing for the rounding of the decimal numbers themselves.
  function closeEnough(value, key, tolerance) {
    return Math.abs(value - key) <= tolerance + 1e-9 * Math.max(1, Math.abs(key));
  }

  const storageKey = (block, exercise) => `exercise:${block.dataset.page}#${exercise.dataset.exercise}`;

  function remember(key) {
    try {
      window.localStorage.setItem(key, "solved");
    } catch (error) {
      // Storage may be off (private windows, file://); the exercise still works.
    }
  }

  function solvedBefore(key) {
    try {
      return window.localStorage.getItem(key) === "solved";
    } catch (error) {
      return false;
    }
  }

  // { verdict: "right" | "not-yet" | "unreadable" | "empty", hint: the data-hint to show }
  function judge(exercise, form) {
    const kind = exercise.dataset.kind;
    const key = exercise.dataset.key;
    if (kind === "choice") {
      const chosen = form.querySelector("input[type=radio]:checked");
      if (!chosen) {
        return { verdict: "empty" };
      }
      return chosen.value === key ? { verdict: "right" } : { verdict: "not-yet", hint: chosen.value };
    }
    const answer = form.querySelector(".exercise-answer").value;
    if (!answer.trim()) {
      return { verdict: "empty" };
    }
    if (kind === "output") {
      return sameOutput(answer, key) ? { verdict: "right" } : { verdict: "not-yet", hint: "wrong" };
    }
    const value = parseNumber(answer);
    if (value === null) {
      return { verdict: "unreadable" };
    }
    const right = closeEnough(value, Number(key), Number(exercise.dataset.tolerance || 0));
    return right ? { verdict: "right" } : { verdict: "not-yet", hint: "wrong" };
  }

  function show(block, exercise, result) {
    const region = exercise.querySelector(".exercise-result");
    const verdict = document.createElement("p");
    verdict.className = "exercise-verdict";
    verdict.textContent = block.dataset[result.verdict === "not-yet" ? "notYet" : result.verdict];
    const shown = [verdict];
    if (result.hint) {
      const hint = exercise.querySelector(`.exercise-hints [data-hint="${result.hint}"]`);
      if (hint) {
        const copy = hint.cloneNode(true);
        copy.removeAttribute("data-hint");
        copy.className = "exercise-hint";
        shown.push(copy);
      }
    }
    exercise.classList.toggle("exercise--right", result.verdict === "right");
    exercise.classList.toggle("exercise--not-yet", result.verdict !== "right");
    region.replaceChildren(...shown);
  }

  function setUp(block, exercise) {
    const form = exercise.querySelector(".exercise-form");
    const key = storageKey(block, exercise);
    if (solvedBefore(key)) {
      exercise.querySelector(".exercise-solved").hidden = false;
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const result = judge(exercise, form);
      show(block, exercise, result);
      if (result.verdict === "right") {
        remember(key);
      }
    });
  }

  if (typeof document !== "undefined") {
    for (const block of document.querySelectorAll(".exercises")) {
      for (const exercise of block.querySelectorAll(".exercise")) {
        setUp(block, exercise);
      }
    }
  }

  // For tests/test_exercises.py, which runs this file in Node to check the parser.
  if (typeof module !== "undefined") {
    module.exports = { parseNumber, sameOutput, closeEnough };
  }
})();
