// Small enhancements; every page works without them.

// Where the sticky bars at the top of the screen end (Material's header and, on a text page, the
// reading switches once they stick under it): notes open below it, places are read below it.
const stickyBottom = () => {
  let bottom = 0;
  for (const bar of document.querySelectorAll(".md-header, .md-tabs, .reading-toggles")) {
    const box = bar.getBoundingClientRect();
    const position = getComputedStyle(bar).position;
    if ((position === "sticky" || position === "fixed") && box.height > 0 && box.top <= bottom + 1) {
      bottom = Math.max(bottom, box.bottom);
    }
  }
  return bottom;
};

// The words the scripts add, from a template in the page (overrides/main.html), so that each
// edition has them in its own script.
const uiLabel = (name, fallback) =>
  document.getElementById("note-pop-labels")?.content.querySelector(`[data-label="${name}"]`)?.textContent || fallback;

// A box that opens in place (a note, the annotate box): a labelled dialog the script can focus,
// with its close button (not yet in the box: each caller places it).
const dialogBox = (className, label) => {
  const pop = document.createElement("div");
  pop.className = className;
  pop.setAttribute("role", "dialog");
  pop.setAttribute("aria-label", label);
  pop.tabIndex = -1;
  const shut = document.createElement("button");
  shut.type = "button";
  shut.className = "note-pop__close";
  shut.setAttribute("aria-label", uiLabel("close", "关闭"));
  shut.textContent = "×";
  return [pop, shut];
};

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
  // A place is a paragraph, a heading or a list entry — never a word inside one (a correction's
  // or a footnote number's id): the first one of which more than a sliver (24 px) shows below the
  // sticky bars.
  const BLOCK = ":is(h1, h2, h3, h4, h5, h6, p, li, dt, dd, blockquote, details, figure, table)[id]";
  const place = () => {
    if (window.scrollY < 1) return "";  // the top of the page
    const bars = stickyBottom() + 24;
    for (const element of document.querySelectorAll(`article ${BLOCK}`)) {
      if (element.querySelector(BLOCK)) continue;  // a list whose entries are places themselves
      if (element.getBoundingClientRect().bottom > bars) return element.id;
    }
    return window.location.hash.slice(1);
  };
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.edition-toggle__link");
    if (!link) return;
    try { localStorage.setItem("edition", link.dataset.edition); } catch (error) { /* private mode */ }
    const id = place();
    link.href = link.href.split("#")[0] + (id ? "#" + encodeURIComponent(id) : "");
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
// word or an uncertain speaker's ？ opens its note beside it, inside the screen and below the sticky
// bars, and the page does not move; a second tap, a tap elsewhere, the note's close button or Escape
// closes it. The keyboard goes from the marker into the note and on to what follows the marker
// (Shift+Tab goes back to the marker), as if the note stood right after it. The note's own link in
// the pop-up still leads to the full note. Without JavaScript the numbers are plain links to the
// notes and the corrections show their tooltips on focus (edition.css).
(() => {
  const TRIGGERS = "a.footnote-ref, .corr, .speaker-query";
  document.documentElement.classList.add("js-notes");
  let open = null;

  const close = (refocus) => {
    if (!open) return;
    const { trigger, pop } = open;
    open = null;
    pop.remove();
    trigger.setAttribute("aria-expanded", "false");
    if (refocus) trigger.focus({ preventScroll: true });
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
    more.textContent = uiLabel("more", "查看注释全文");
    box.append(more);
    return box;
  };

  const place = (trigger, pop) => {
    const margin = 8;
    const width = document.documentElement.clientWidth;
    const word = trigger.getBoundingClientRect();
    const top = stickyBottom() + margin;  // never over the header or the reading switches
    pop.style.maxWidth = `${Math.min(352, width - 2 * margin)}px`;
    document.body.append(pop);
    const left = Math.max(margin, Math.min(word.left + word.width / 2 - pop.offsetWidth / 2, width - pop.offsetWidth - margin));
    // Under the word if it fits, else above it; if neither, on the roomier side, scrolling inside.
    const below = window.innerHeight - margin - (word.bottom + 6);
    const above = word.top - 6 - top;
    const upward = pop.offsetHeight > below && (pop.offsetHeight <= above || above > below);
    if (pop.offsetHeight > (upward ? above : below)) {
      pop.style.maxHeight = `${Math.max(upward ? above : below, 80)}px`;
    }
    const y = upward ? Math.max(top, word.top - 6 - pop.offsetHeight) : word.bottom + 6;
    pop.style.left = `${left + window.scrollX}px`;
    pop.style.top = `${y + window.scrollY}px`;
  };

  const show = (trigger) => {
    const content = body(trigger);
    if (!content) return false;
    const [pop, shut] = dialogBox("note-pop", uiLabel("note", "注释"));
    pop.append(shut, content);
    place(trigger, pop);
    trigger.setAttribute("aria-expanded", "true");
    open = { trigger, pop };
    pop.focus({ preventScroll: true });
    return true;
  };

  document.addEventListener("click", (event) => {
    if (open && open.pop.contains(event.target)) {
      if (event.target.closest(".note-pop__close")) close(true);
      else if (event.target.closest("a")) close(false);  // the full note: follow the link
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
    } else if (event.key === "Tab" && open && open.pop.contains(document.activeElement)) {
      const stops = [...open.pop.querySelectorAll("a[href], button")];
      const here = document.activeElement;
      if (event.shiftKey && (here === open.pop || here === stops[0])) {
        event.preventDefault();
        close(true);  // back to the marker
      } else if (!event.shiftKey && (here === stops[stops.length - 1] || !stops.length)) {
        close(true);  // the marker takes focus, and the browser's Tab moves on from it
      }
    } else if ((event.key === "Enter" || event.key === " ") && event.target.matches?.(".corr, .speaker-query")) {
      event.preventDefault();
      event.target.click();
    }
  });

  // Focus that leaves the note some other way (a click outside, a screen reader's jump) closes it.
  document.addEventListener("focusin", (event) => {
    if (open && !open.pop.contains(event.target) && event.target !== open.trigger) close(false);
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
// the reader clicks one. A selection that crosses a correction, a note number or a paragraph gets a
// message instead of the button. The box stays inside the screen and Escape closes it. Without
// JavaScript nothing of this exists.
(() => {
  const article = document.querySelector("article");
  if (!article || !document.querySelector(".turn, .source-text")) return;
  const READING = ".turn, .source-text p[id]";
  const SKIP = ".filler, .asr, .pnum, sup, .speaker, .recurs, .note-pop";
  const MARGIN = 8;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "annotate-button";
  button.textContent = uiLabel("annotate", "为此处写注释");
  button.hidden = true;
  const hint = document.createElement("div");
  hint.className = "annotate-hint";
  hint.setAttribute("role", "status");
  hint.textContent = uiLabel("annotate-crossing", "注释的引文要在一段连续的文字之内：请不要跨过更正、注释编号或段落");
  hint.hidden = true;
  document.body.append(button, hint);

  // An element absolutely placed under a selection (or where the button was), inside the screen.
  const putUnder = (element, box) => {
    const width = document.documentElement.clientWidth;
    element.style.maxWidth = `${width - 2 * MARGIN}px`;
    const left = Math.max(MARGIN, Math.min(box.left, width - element.offsetWidth - MARGIN));
    element.style.left = `${left + window.scrollX}px`;
    element.style.top = `${box.bottom + window.scrollY + 6}px`;
  };

  const textNodes = (paragraph) => {
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  };
  // The selection, if it lies in one run of a reading text's words; "crossing" if it lies in a
  // reading text but across a correction, a note number or paragraphs; otherwise null.
  const chosen = () => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount !== 1) return null;
    const range = selection.getRangeAt(0);
    const node = range.startContainer;
    const within = (at) => (at.nodeType === Node.TEXT_NODE ? at.parentElement : at)?.closest(READING);
    if (node !== range.endContainer || node.nodeType !== Node.TEXT_NODE) {
      return within(range.startContainer) || within(range.endContainer) ? "crossing" : null;
    }
    const paragraph = node.parentElement.closest(READING);
    if (!paragraph || range.endOffset - range.startOffset < 2) return null;
    if (node.parentElement.closest(SKIP)) return "crossing";
    return { paragraph, index: textNodes(paragraph).indexOf(node), start: range.startOffset, end: range.endOffset, range };
  };

  document.addEventListener("selectionchange", () => {
    const found = chosen();
    button.hidden = !found || found === "crossing";
    hint.hidden = found !== "crossing";
    if (!found) return;
    const box = window.getSelection().getRangeAt(0).getBoundingClientRect();
    putUnder(found === "crossing" ? hint : button, box);
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
  const closeBoxes = () => document.querySelectorAll(".annotate-pop").forEach((pop) => pop.remove());

  document.addEventListener("mousedown", (event) => {
    if (!event.target.closest(".annotate-pop, .annotate-button")) closeBoxes();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const pop = document.querySelector(".annotate-pop");
    button.hidden = true;
    hint.hidden = true;
    if (!pop) return;
    closeBoxes();
    window.getSelection()?.removeAllRanges();
  });

  button.addEventListener("click", async () => {
    const found = chosen();
    if (!found || found === "crossing") return;
    const under = button.getBoundingClientRect();
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
    // The stanza's own words stay in Simplified: the data files are written in Simplified and each
    // edition converts them.
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
      // The day the sources are read against the note: the writer's today, to be kept true.
      `  checked: ${new Date().toISOString().slice(0, 10)}`,
    ].join("\n");
    closeBoxes();
    const [pop, shut] = dialogBox("note-pop annotate-pop", uiLabel("annotate", "为此处写注释"));
    shut.addEventListener("click", () => { pop.remove(); button.hidden = true; });
    const pre = document.createElement("pre");
    pre.className = "annotate-stanza";
    pre.textContent = stanza;
    const where = document.createElement("p");
    where.className = "annotate-where";
    const file = `data/annotations/${text}.yml`;
    const [before, after = ""] = uiLabel("annotate-where", "把这一条加到 {file} 的末尾（见 CONTRIBUTING.md）").split("{file}");
    const code = document.createElement("code");
    code.textContent = file;
    const repository = document.querySelector("a.md-source")?.href;
    if (repository) {
      const edit = document.createElement("a");
      edit.href = `${repository.replace(/\/$/, "")}/edit/main/${file}`;
      edit.append(code);
      const issue = document.createElement("a");
      issue.href = `${repository.replace(/\/$/, "")}/issues/new?title=${encodeURIComponent("注释：" + exact)}&body=${encodeURIComponent("```yaml\n" + stanza + "\n```")}`;
      issue.textContent = "issue";
      where.append(before, edit, after, " · ", issue);
    } else {
      where.append(before, code, after);
    }
    const status = document.createElement("p");
    status.className = "annotate-status";
    status.setAttribute("role", "status");
    pop.append(shut, pre, where, status);
    document.body.append(pop);
    putUnder(pop, { left: under.left, bottom: under.top - 6 });
    button.hidden = true;
    pop.focus({ preventScroll: true });
    const copied = () => { status.textContent = uiLabel("copied", "已复制到剪贴板"); };
    const notCopied = () => { status.textContent = uiLabel("not-copied", "未能复制到剪贴板，请手动选中上面的条目"); };
    if (navigator.clipboard) navigator.clipboard.writeText(stanza).then(copied, notCopied);
    else notCopied();
  });
})();
