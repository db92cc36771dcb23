/* Post titles as the reader types in the header's search box.

   The WAI-ARIA 1.2 combobox pattern, "list autocomplete with manual selection": focus stays in the
   input, the arrow keys highlight an option (aria-activedescendant) and Enter opens it; Enter with
   nothing highlighted submits the form, a full search. Without this script the form works as it is.
   Titles come from editors and queries from readers: they only ever become text nodes. */
(() => {
  "use strict";

  const MIN_LENGTH = 3; // the endpoint answers nothing below this (search.views.SUGGEST_MIN_LENGTH)
  const MAX_OPTIONS = 6;
  const DELAY_MS = 150;

  const form = document.querySelector("form.site-search[data-suggest-url]");
  const input = form && form.querySelector("input[name='query']");
  if (!input || !window.fetch || !window.AbortController) return;

  const listbox = document.createElement("ul");
  listbox.id = `${input.id}-suggestions`;
  listbox.className = "site-search__suggestions";
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", "Suggested posts");
  listbox.hidden = true;
  // Polite (role=status), and in the page before it is filled, so screen readers notice the change.
  const status = document.createElement("div");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  form.append(listbox, status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);
  input.autocomplete = "off"; // the browser's own list of past entries would cover this one

  let timer = 0;
  let controller = null; // the request whose answer is still wanted
  let shownQuery = "";
  let active = -1;

  const options = () => listbox.children;
  const isOpen = () => !listbox.hidden;

  function open() {
    listbox.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    highlight(-1);
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
  }

  // Forget the suggestions: they answer a text the box no longer holds.
  function clear() {
    close();
    listbox.replaceChildren();
    shownQuery = "";
  }

  function cancel() {
    clearTimeout(timer);
    if (controller) controller.abort();
    controller = null;
  }

  function highlight(index) {
    if (active >= 0 && options()[active]) options()[active].setAttribute("aria-selected", "false");
    active = index;
    const option = options()[index];
    if (!option) {
      active = -1;
      input.removeAttribute("aria-activedescendant");
      return;
    }
    option.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  }

  function go(option) {
    const url = new URL(option.dataset.url, window.location.href);
    if (url.protocol === "http:" || url.protocol === "https:") window.location.assign(url);
  }

  function show(query, results) {
    shownQuery = query;
    const items = results.slice(0, MAX_OPTIONS).map((result, index) => {
      const option = document.createElement("li");
      option.id = `${listbox.id}-${index}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.url = result.url;
      option.textContent = result.title;
      return option;
    });
    highlight(-1);
    listbox.replaceChildren(...items);
    if (items.length) {
      open();
      const count = items.length === 1 ? "1 suggestion" : `${items.length} suggestions`;
      status.textContent = `${count}. Use up and down arrows to choose.`;
    } else {
      close();
      status.textContent = "No suggestions.";
    }
  }

  function fetchSuggestions(query) {
    cancel();
    const request = new AbortController();
    controller = request;
    const url = new URL(form.dataset.suggestUrl, window.location.href);
    url.searchParams.set("query", query);
    fetch(url, { signal: request.signal, headers: { Accept: "application/json" } })
      .then((response) => {
        if (!response.ok) throw new Error(`Suggestions answered ${response.status}`);
        return response.json();
      })
      .then((data) => {
        if (request === controller) show(query, data.results);
      })
      .catch(() => {
        // Offline, aborted or a bad answer: suggestions are a convenience, the search button
        // still works. A list left from an older text would mislead.
        if (request === controller) clear();
      })
      .finally(() => {
        if (request === controller) controller = null;
      });
  }

  input.addEventListener("input", () => {
    const query = input.value.trim();
    highlight(-1);
    cancel(); // whatever is on its way answers an older text
    if (query.length < MIN_LENGTH) {
      clear();
    } else if (query === shownQuery) {
      if (options().length) open(); // e.g. a space typed after a word: the list still fits
    } else {
      timer = setTimeout(() => fetchSuggestions(query), DELAY_MS);
    }
  });

  input.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    const count = options().length;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        if (!count) return;
        event.preventDefault(); // the caret stays where it is
        const down = event.key === "ArrowDown";
        if (!isOpen()) open();
        if (active < 0) highlight(down ? 0 : count - 1);
        else highlight((active + (down ? 1 : count - 1)) % count); // round from either end
        break;
      }
      case "Enter":
        if (isOpen() && active >= 0) {
          event.preventDefault();
          go(options()[active]);
        }
        break; // otherwise the form is submitted: a full search
      case "Escape":
        // A search input clears itself on Escape; only the second Escape should.
        if (isOpen()) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          cancel();
          clear();
          input.value = "";
        }
        break;
      case "ArrowLeft":
      case "ArrowRight":
      case "Home":
      case "End":
        highlight(-1); // back to editing the text
        break;
    }
  });

  input.addEventListener("blur", close);
  // Keep the focus in the input while an option is pressed, so that blur does not close the list first.
  listbox.addEventListener("mousedown", (event) => event.preventDefault());
  listbox.addEventListener("click", (event) => {
    const option = event.target.closest("[role='option']");
    if (option) go(option);
  });
  // A page restored from the back/forward cache starts with the list closed.
  window.addEventListener("pagehide", close);
})();
