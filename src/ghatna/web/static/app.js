// A little behaviour for the article page: pointing at an event in the side list lights up its
// evidence in the text, and pointing at an evidence span lights up its events in the list.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("article-text");
  if (!text) return;
  const marks = (id) => text.querySelectorAll("mark[data-events]");
  const light = (id, on) => {
    for (const m of marks()) {
      if (m.dataset.events.split(" ").includes(id)) m.classList.toggle("active", on);
    }
    for (const li of document.querySelectorAll(`.event-list li[data-event="${CSS.escape(id)}"]`)) {
      li.classList.toggle("active", on);
    }
  };
  for (const li of document.querySelectorAll(".event-list li[data-event]")) {
    li.addEventListener("mouseenter", () => light(li.dataset.event, true));
    li.addEventListener("mouseleave", () => light(li.dataset.event, false));
  }
  for (const m of marks()) {
    m.addEventListener("mouseenter", () => m.dataset.events.split(" ").forEach((id) => light(id, true)));
    m.addEventListener("mouseleave", () => m.dataset.events.split(" ").forEach((id) => light(id, false)));
  }
});
