// Small enhancements; every page works without them.

// Copy a paragraph's link when its number is clicked (without JavaScript it is a plain link).
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.pnum");
  if (!link || !navigator.clipboard) return;
  event.preventDefault();
  const url = new URL(link.getAttribute("href"), window.location.href).href;
  navigator.clipboard.writeText(url).then(() => {
    history.replaceState(null, "", link.getAttribute("href"));
    link.classList.add("copied");
    setTimeout(() => link.classList.remove("copied"), 1500);
  });
});

// The edition toggle keeps the reader's place: the link gets the id of the paragraph (or
// heading) at the top of the window, and the choice is remembered for the next visit.
(() => {
  const links = document.querySelectorAll("a.edition-toggle__link");
  if (!links.length) return;
  const current = document.querySelector("a.edition-toggle__link[aria-current]");
  const place = () => {
    const marks = document.querySelectorAll("article [id]");
    let found = "";
    for (const element of marks) {
      if (element.getBoundingClientRect().top > 80) break;
      found = element.id;
    }
    return found || window.location.hash.slice(1);
  };
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.edition-toggle__link");
    if (!link) return;
    try { localStorage.setItem("edition", link.dataset.edition); } catch (error) { /* private mode */ }
    const id = place();
    if (id) link.href = link.href.split("#")[0] + "#" + encodeURIComponent(id);
  });
  // A reader who chose an edition before and arrives from elsewhere is taken to it.
  let chosen = null;
  try { chosen = localStorage.getItem("edition"); } catch (error) { /* private mode */ }
  const fromHere = document.referrer && new URL(document.referrer).origin === window.location.origin;
  if (chosen && current && chosen !== current.dataset.edition && !fromHere) {
    const target = document.querySelector(`a.edition-toggle__link[data-edition="${chosen}"]`);
    if (target) window.location.replace(target.href + window.location.hash);
  }
})();

// Notes open in place. A tap (or click, or Enter) on a footnote number, a 注N marker, a corrected
// word or an uncertain speaker's ？ opens its note beside it, inside the screen, and the page does
// not move; a second tap, a tap elsewhere or Escape closes it. The note's own link in the pop-up
// still leads to the full note. Without JavaScript the numbers are plain links to the notes and
// the corrections show their tooltips on focus (edition.css).
(() => {
  const TRIGGERS = "a.footnote-ref, .corr, .speaker-query";
  const labels = document.getElementById("note-pop-labels");
  const label = (name, fallback) => labels?.content.querySelector(`[data-label="${name}"]`)?.textContent || fallback;
  document.documentElement.classList.add("js-notes");
  let open = null;

  const close = (refocus) => {
    if (!open) return;
    open.pop.remove();
    open.trigger.setAttribute("aria-expanded", "false");
    if (refocus) open.trigger.focus({ preventScroll: true });
    open = null;
  };

  const body = (trigger) => {
    const box = document.createElement("div");
    box.className = "note-pop__body";
    if (!trigger.matches("a.footnote-ref")) {
      box.textContent = trigger.dataset.tip || "";
      return box;
    }
    const note = document.getElementById(decodeURIComponent(trigger.hash.slice(1)));
    if (!note) return null;
    const copy = note.cloneNode(true);
    copy.querySelectorAll(".footnote-backref").forEach((element) => element.remove());
    copy.querySelectorAll("[id]").forEach((element) => element.removeAttribute("id"));
    box.append(...copy.childNodes);
    const more = document.createElement("a");
    more.className = "note-pop__more";
    more.href = trigger.hash;
    more.textContent = label("more", "查看注释全文");
    box.append(more);
    return box;
  };

  const place = (trigger, pop) => {
    const margin = 8;
    const width = document.documentElement.clientWidth;
    const word = trigger.getBoundingClientRect();
    pop.style.maxWidth = `${Math.min(352, width - 2 * margin)}px`;
    document.body.append(pop);
    const left = Math.max(margin, Math.min(word.left + word.width / 2 - pop.offsetWidth / 2, width - pop.offsetWidth - margin));
    // Under the word if it fits, else above it; if neither, on the roomier side, scrolling inside.
    const below = window.innerHeight - margin - (word.bottom + 6);
    const above = word.top - 6 - margin;
    const upward = pop.offsetHeight > below && (pop.offsetHeight <= above || above > below);
    if (pop.offsetHeight > Math.max(below, above) || (!upward && pop.offsetHeight > below)) {
      pop.style.maxHeight = `${Math.max(upward ? above : below, 80)}px`;
    }
    const top = upward ? word.top - 6 - pop.offsetHeight : word.bottom + 6;
    pop.style.left = `${left + window.scrollX}px`;
    pop.style.top = `${top + window.scrollY}px`;
  };

  const show = (trigger) => {
    const content = body(trigger);
    if (!content) return false;
    const pop = document.createElement("div");
    pop.className = "note-pop";
    pop.setAttribute("role", "dialog");
    pop.setAttribute("aria-label", label("note", "注释"));
    pop.tabIndex = -1;
    pop.append(content);
    place(trigger, pop);
    trigger.setAttribute("aria-expanded", "true");
    open = { trigger, pop };
    pop.focus({ preventScroll: true });
    return true;
  };

  document.addEventListener("click", (event) => {
    if (open && open.pop.contains(event.target)) {
      if (event.target.closest("a")) close(false);  // the full note: follow the link
      return;
    }
    const trigger = event.target.closest(TRIGGERS);
    if (!trigger || !trigger.closest("article")) {
      close(false);
      return;
    }
    if (trigger.matches(".corr") && event.target.closest("a")) return;
    event.preventDefault();
    const again = open && open.trigger === trigger;
    close(false);
    if (!again) show(trigger);
  });

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && open) {
      close(true);
    } else if ((event.key === "Enter" || event.key === " ") && event.target.matches?.(".corr, .speaker-query")) {
      event.preventDefault();
      event.target.click();
    }
  });
})();

// The reading toggles (精编, 逐字稿, 识别原文) keep the reader's choice across pages and visits;
// 精编 is on by default, so a remembered "0" turns it off. 精编 and 逐字稿 exclude each other
// (with neither, the page shows the clean verbatim).
(() => {
  const boxes = [...document.querySelectorAll(".reading-toggles input[type=checkbox]")];
  const remember = (box) => {
    try { localStorage.setItem(`reading-${box.id}`, box.checked ? "1" : "0"); } catch (error) { /* private mode */ }
  };
  for (const box of boxes) {
    try {
      const stored = localStorage.getItem(`reading-${box.id}`);
      if (stored !== null) box.checked = stored === "1";
    } catch (error) { /* private mode */ }
  }
  const exclusive = { "toggle-edited": "toggle-verbatim", "toggle-verbatim": "toggle-edited" };
  for (const box of boxes) {
    box.addEventListener("change", () => {
      const other = document.getElementById(exclusive[box.id] || "");
      if (box.checked && other && other.checked) {
        other.checked = false;
        remember(other);
      }
      remember(box);
    });
  }
})();

// Search: docs/assets/search.js.

// Annotate from the page: select a passage of a text (in any edition) and get a ready annotation
// for data/annotations/<text>.yml — the exact quote in Simplified (the same words of the Simplified
// page, fetched from this site only when the reader asks), with the shortest prefix or suffix that
// makes it unique. Where the site names its repository (Material's repo link), links open the
// file in the repository's editor and a new issue with the stanza; nothing leaves the site before
// the reader clicks one. Without JavaScript nothing of this exists.
(() => {
  const article = document.querySelector("article");
  if (!article || !document.querySelector(".turn, .source-text")) return;
  const READING = ".turn, .source-text p[id]";
  const SKIP = ".filler, .asr, .pnum, sup, .speaker, .recurs, .note-pop";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "annotate-button";
  button.textContent = document.getElementById("note-pop-labels")?.content.querySelector('[data-label="annotate"]')?.textContent || "为此处写注释";
  button.hidden = true;
  document.body.append(button);

  const textNodes = (paragraph) => {
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  };
  const chosen = () => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount !== 1) return null;
    const range = selection.getRangeAt(0);
    const node = range.startContainer;
    if (node !== range.endContainer || node.nodeType !== Node.TEXT_NODE) return null;
    const paragraph = node.parentElement.closest(READING);
    if (!paragraph || node.parentElement.closest(SKIP) || range.endOffset - range.startOffset < 2) return null;
    return { paragraph, index: textNodes(paragraph).indexOf(node), start: range.startOffset, end: range.endOffset, range };
  };

  document.addEventListener("selectionchange", () => {
    const found = chosen();
    if (!found) { button.hidden = true; return; }
    const box = found.range.getBoundingClientRect();
    button.hidden = false;
    button.style.left = `${Math.max(8, Math.min(box.left + window.scrollX, document.documentElement.clientWidth - 160))}px`;
    button.style.top = `${box.bottom + window.scrollY + 6}px`;
  });

  const simplifiedPage = async () => {
    const link = document.querySelector("a.edition-toggle__link");  // the base edition's: listed first
    const response = await fetch(link ? link.href.split("#")[0] : window.location.href);
    return new DOMParser().parseFromString(await response.text(), "text/html");
  };
  const count = (page, text) => {
    let n = 0;
    for (const paragraph of page.querySelectorAll(READING)) {
      const walker = page.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        for (let at = walker.currentNode.data.indexOf(text); at >= 0; at = walker.currentNode.data.indexOf(text, at + 1)) n += 1;
      }
    }
    return n;
  };
  const yamlString = (text) => JSON.stringify(text);

  document.addEventListener("mousedown", (event) => {
    if (!event.target.closest(".annotate-pop, .annotate-button")) document.querySelectorAll(".annotate-pop").forEach((pop) => pop.remove());
  });

  button.addEventListener("click", async () => {
    const found = chosen();
    if (!found) return;
    const page = await simplifiedPage();
    const twin = page.getElementById(found.paragraph.id);
    const node = twin && textNodes(twin)[found.index];
    if (!node || node.data.length !== textNodes(found.paragraph)[found.index].data.length) return;
    const exact = node.data.slice(found.start, found.end);
    let prefix = "";
    let suffix = "";
    // The shortest context that makes the quote unique on the page (a TextQuoteSelector).
    for (let size = 1; count(page, prefix + exact + suffix) > 1 && size <= 32; size += 1) {
      prefix = node.data.slice(Math.max(0, found.start - size), found.start);
      suffix = node.data.slice(found.end, found.end + size);
    }
    const text = window.location.pathname.replace(/\/$/, "").split("/").pop();
    const stanza = [
      `- id: note-${Date.now().toString(36)}`,
      "  quote:",
      `    exact: ${yamlString(exact)}`,
      ...(prefix ? [`    prefix: ${yamlString(prefix)}`] : []),
      ...(suffix ? [`    suffix: ${yamlString(suffix)}`] : []),
      "  note: 在这里写注释（Markdown）。",
      "  author: 你的名字",
      "  sources:",
      "    - title: 来源页面的标题",
      "      url: https://",
      "      kind: primary",
    ].join("\n");
    const pop = document.createElement("div");
    pop.className = "note-pop annotate-pop";
    pop.setAttribute("role", "dialog");
    const pre = document.createElement("pre");
    pre.className = "annotate-stanza";
    pre.textContent = stanza;
    pop.append(pre);
    const file = `data/annotations/${text}.yml`;
    const repository = document.querySelector("a.md-source")?.href;
    if (repository) {
      const edit = document.createElement("a");
      edit.href = `${repository.replace(/\/$/, "")}/edit/main/${file}`;
      edit.textContent = file;
      const issue = document.createElement("a");
      issue.href = `${repository.replace(/\/$/, "")}/issues/new?title=${encodeURIComponent("注释：" + exact)}&body=${encodeURIComponent("```yaml\n" + stanza + "\n```")}`;
      issue.textContent = "issue";
      pop.append(edit, document.createTextNode(" · "), issue);
    } else {
      pop.append(document.createTextNode(file));
    }
    pop.style.left = button.style.left;
    pop.style.top = button.style.top;
    pop.style.maxWidth = `${Math.min(420, document.documentElement.clientWidth - 16)}px`;
    document.body.append(pop);
    button.hidden = true;
    navigator.clipboard?.writeText(stanza).catch(() => {});
  });
})();
