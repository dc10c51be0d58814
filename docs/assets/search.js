// The site's search (edition.editions.search_index): a button in the header and a dialog. Nothing
// of the index is fetched until the reader types a query; then Pagefind fetches the chunks of the
// words searched for and the few records shown. Every result opens at the paragraph that matched,
// with its speaker and time.
//
// A query in either script finds the text in every edition: its characters are folded with the
// edition's table (search/fold.json, fetched with the first query) exactly as the index was, and
// each run of Han characters becomes the overlapping pairs the index is made of (search_index.
// query_words says the same in Python); a record is shown when its text holds the query.
(() => {
  const script = document.currentScript;
  // The button is in every page's header (overrides/partials/alternate.html), not inserted here:
  // inserted at load it moved the header's other buttons and the page (a layout shift of 0.056).
  const button = document.querySelector(".site-search__button");
  if (!script || !button) return;
  const root = new URL("../", script.src);  // this edition's root: assets/ sits in it
  const labels = document.getElementById("search-labels")?.content;
  const label = (key, fallback) => labels?.querySelector(`[data-label="${key}"]`)?.textContent || fallback;

  const dialog = document.createElement("dialog");
  dialog.className = "site-search";
  dialog.setAttribute("aria-label", label("search", "搜索"));
  const input = document.createElement("input");
  input.type = "search";
  input.className = "site-search__input";
  input.placeholder = label("placeholder", "搜索全文");
  input.setAttribute("aria-label", label("search", "搜索"));
  input.autocomplete = "off";
  const status = document.createElement("p");
  status.className = "site-search__status";
  status.setAttribute("aria-live", "polite");
  const list = document.createElement("ol");
  list.className = "site-search__results";
  dialog.append(input, status, list);

  const open = () => {
    // Put in the page at first use: appended at load, it restyled the whole page (80 ms of a
    // phone's main thread on the glossary) for a dialog most readers never open.
    if (!dialog.isConnected) document.body.append(dialog);
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
  };
  button.addEventListener("click", open);
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();  // a tap on the backdrop
    else if (event.target.closest("a")) dialog.close();  // a result followed
  });
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest?.("input, textarea, [contenteditable]");
    if (!typing && !dialog.open && event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      open();
    }
  });

  // Loaded with the first query, never before.
  let engine = null;
  const load = () => {
    engine ??= Promise.all([
      import(new URL("pagefind/pagefind.js", root).href).then(async (pagefind) => {
        await pagefind.options({ basePath: new URL("pagefind/", root).pathname, baseUrl: "/" });
        return pagefind;
      }),
      fetch(new URL("search/fold.json", root)).then((response) => response.json()),
    ]);
    return engine;
  };

  const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
  const WORD = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;
  const fold = (text, table) => [...text.normalize("NFKC").toLowerCase()].map((c) => table[c] ?? c).join("");
  const queryWords = (query, table) => {
    const parts = [];
    for (const part of query.split(/\s+/)) {
      const found = [];
      for (const [run] of fold(part, table).matchAll(WORD)) {
        if (HAN.test(run) && run.length > 1) {
          for (let at = 0; at + 1 < run.length; at += 1) found.push(run.slice(at, at + 2));
        } else {
          found.push(run);
        }
      }
      if (found.length) parts.push(found);
    }
    // Every pair, not a quoted phrase: Pagefind 1.5.2's phrase search finds nothing once the index
    // is in more than one chunk; the records found are held to the query as a substring below.
    return parts.flat().join(" ");
  };

  // The block a result's first match is in, and the query's place in its text (folded the same
  // way character by character, so a place in the folded text is a place in the shown text).
  const excerpt = (text, query, table) => {
    const folded = [...text].map((c) => table[c] ?? c.toLowerCase()).join("");
    const needle = [...query.trim().split(/\s+/)[0] || ""].map((c) => table[c] ?? c.toLowerCase()).join("");
    const at = needle ? folded.indexOf(needle) : -1;
    const fragment = document.createDocumentFragment();
    if (at < 0) {
      fragment.append(text.length > 120 ? `${text.slice(0, 120)}…` : text);
      return fragment;
    }
    const start = Math.max(0, at - 40);
    const end = Math.min(text.length, at + needle.length + 80);
    const mark = document.createElement("mark");
    mark.textContent = text.slice(at, at + needle.length);
    fragment.append(`${start > 0 ? "…" : ""}${text.slice(start, at)}`, mark, `${text.slice(at + needle.length, end)}${end < text.length ? "…" : ""}`);
    return fragment;
  };

  const show = async (data, query, table) => {
    // The first block that holds the query, as the filter found it (Pagefind's word locations
    // count the record's title too).
    const blocks = JSON.parse(data.meta.blocks || "[]");
    const part = fold(query.split(/\s+/)[0], table);
    const block = blocks.find((each) => fold(each[4], table).includes(part)) || blocks[0];
    const [anchor, speaker, time, , text] = block || ["", "", "", 0, ""];
    const item = document.createElement("li");
    item.className = "site-search__result";
    const link = document.createElement("a");
    link.href = new URL(`${data.meta.page}${anchor ? `#${anchor}` : ""}`, root).href;
    const title = document.createElement("span");
    title.className = "site-search__title";
    title.textContent = data.meta.title;
    link.append(title);
    if (speaker || time) {
      const who = document.createElement("span");
      who.className = "site-search__who";
      who.textContent = [time, speaker].filter(Boolean).join(" · ");
      link.append(who);
    }
    const words = document.createElement("span");
    words.className = "site-search__excerpt";
    words.append(excerpt(text, query, table));
    link.append(words);
    item.append(link);
    return item;
  };

  let latest = 0;
  const search = async () => {
    const query = input.value.trim();
    const asked = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    const [pagefind, table] = await load();
    const words = queryWords(query, table);
    const found = words ? await pagefind.search(words) : { results: [] };
    if (asked !== latest) return;  // a newer query is on its way
    // A record has every pair of the query; it matches when its text holds each part of the
    // query as it stands (the pairs in that order), in the folded script.
    const parts = query.split(/\s+/).map((part) => fold(part, table));
    const fetched = await Promise.all(found.results.slice(0, 20).map((result) => result.data()));
    if (asked !== latest) return;
    const shown = fetched.filter((data) => {
      const text = fold(JSON.parse(data.meta.blocks || "[]").map((block) => block[4]).join("\n"), table);
      return parts.every((part) => text.includes(part));
    }).slice(0, 10);
    list.replaceChildren(...(await Promise.all(shown.map((data) => show(data, query, table)))));
    status.textContent = shown.length
      ? label("found", "找到 {n} 处").replace("{n}", shown.length)
      : label("none", "没有找到");
  };
  let timer = 0;
  input.addEventListener("input", (event) => {
    if (event.isComposing) return;  // an input method is still choosing
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });
  input.addEventListener("compositionend", () => { clearTimeout(timer); timer = setTimeout(search, 0); });
})();
