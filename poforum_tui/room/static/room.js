// The poforum room page: joins, adds topics, votes, and draws the live state it is sent.
// Everything a participant typed is drawn with textContent, never as HTML.
"use strict";
(function () {
  const base = document.body.dataset.base;
  const $ = (id) => document.getElementById(id);
  let name = localStorage.getItem("poforum-name") || "";
  let browser = localStorage.getItem("poforum-browser");
  if (!browser) {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    browser = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    localStorage.setItem("poforum-browser", browser);
  }
  let events = null;
  let state = null;
  let clock = null; // {remaining, running, at}
  let beeped = false;
  let audio = null;

  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children || []) node.append(child);
    return node;
  }

  async function send(path, body) {
    try {
      const response = await fetch(base + path, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Room-Browser": browser },
        body: JSON.stringify(body),
        cache: "no-store",
      });
      const answer = await response.json().catch(() => ({ ok: false, error: "The room did not answer." }));
      return answer.ok ? null : answer.error || "Refused.";
    } catch (err) {
      return "Cannot reach the room: check your connection and try again.";
    }
  }

  function connect() {
    if (events) events.close();
    const query = name ? "?name=" + encodeURIComponent(name) : "";
    events = new EventSource(base + "/events" + query);
    events.onopen = () => setConnection(true);
    events.onerror = async () => {
      setConnection(false);
      const answer = await fetch(base + "/state", { cache: "no-store" }).catch(() => null);
      if (answer && (answer.status === 403 || answer.status === 404)) {
        events.close(); // this link's room has closed for good: a new room has a new link
        setConnection(false, "This room has closed: ask the facilitator for the new link.");
      }
    };
    events.onmessage = (message) => {
      setConnection(true);
      const parts = JSON.parse(message.data);
      state = merge(parts.shared, parts.own, parts.item);
      draw();
    };
  }

  // The stream sends the board once for everyone (shared) and this participant's part (own);
  // this joins them as room/view.py's merge does.
  function merge(shared, own, item) {
    const mark = (topic, mine) => ({ ...topic, mine, my_votes: own.votes[topic.id] || 0 });
    const columns = shared.columns.map((column) => ({
      id: column.id,
      title: column.title,
      topics: shared.cards_hidden
        ? own.own.filter((t) => t.column === column.id).map((t) => mark(t, true))
        : column.topics.map((t) => mark(t, !!own.name && t.author === own.name)),
    }));
    const others = shared.cards_hidden ? shared.topic_count - own.own.length : 0;
    return { ...shared, name: own.name, columns, others_hidden: others, used: own.used, item };
  }

  function setConnection(live, why) {
    const node = $("connection");
    node.textContent = live ? "Live" : why || "Room unreachable: retrying…";
    node.className = "connection " + (live ? "live" : "down");
  }

  function showJoined() {
    $("join-panel").hidden = !!name;
    $("me-panel").hidden = !name;
    $("me-name").textContent = name;
  }

  async function join(who) {
    $("join-error").textContent = "";
    const refusal = await send("/join", { name: who });
    if (refusal) {
      $("join-error").textContent = refusal;
      return false;
    }
    name = who.trim().split(/\s+/).join(" ");
    localStorage.setItem("poforum-name", name);
    showJoined();
    connect();
    return true;
  }

  $("join-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    await join($("name").value);
  });

  $("leave").addEventListener("click", () => {
    name = "";
    localStorage.removeItem("poforum-name");
    showJoined();
    connect();
    $("name").focus();
  });

  $("add-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const topic = $("topic");
    const button = event.submitter || $("add-form").querySelector("button");
    button.disabled = true;
    const refusal = await send("/topics", { name, title: topic.value, category: $("category").value });
    button.disabled = false;
    $("add-error").textContent = refusal || "";
    if (!refusal) {
      topic.value = "";
      topic.focus();
    }
  });

  async function vote(topicId, back) {
    $("vote-error").textContent = "";
    const refusal = await send(back ? "/unvote" : "/vote", { name, topic: topicId });
    if (refusal) $("vote-error").textContent = refusal;
  }

  function draw() {
    if (!state) return;
    $("title").textContent = state.title;
    document.title = state.title + " · poforum room";
    drawCategories(state.categories);
    $("collect-note").hidden = state.collecting;
    $("votes-used").textContent = name
      ? `${state.used} of ${state.budget} votes used` + (state.voting ? "" : " · voting is closed")
      : "";
    const notes = [];
    if (state.cards_hidden) {
      const n = state.others_hidden;
      notes.push(`Silent writing: you see your own topics; ${n} more from others, shown when the facilitator reveals them.`);
    }
    if (state.tallies_hidden) notes.push("Tallies are hidden: you see only your own dots.");
    $("board-note").textContent = notes.join(" ");
    $("board-note").hidden = notes.length === 0;
    drawBoard(state.columns);
    const fresh = state.item
      ? { title: state.item.title, remaining: state.item.remaining, running: state.item.running, at: performance.now() }
      : null;
    // The server's clock has whole seconds: a new state for the same running item within a
    // second of the local count keeps counting smoothly instead of jumping back.
    const same = clock && fresh && clock.running && fresh.running && clock.title === fresh.title
      && Math.abs(remaining() - fresh.remaining) <= 1;
    if (!same) {
      clock = fresh;
      beeped = !clock || clock.remaining <= 0;
    }
    drawTimer();
  }

  function drawCategories(categories) {
    const select = $("category");
    const current = select.value;
    const wanted = ["", ...categories];
    const have = Array.from(select.options, (o) => o.value);
    if (have.join("\u0000") === wanted.join("\u0000")) return;
    select.replaceChildren(...wanted.map((c) => el("option", { value: c, text: c || "None" })));
    select.value = wanted.includes(current) ? current : "";
    select.parentElement.hidden = false;
  }

  // The board is patched in place, keyed by column and topic id: a tap that lands while an
  // update arrives still hits the same button (a re-built card would swallow the click).
  const columnNodes = new Map();
  const cardNodes = new Map();

  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  function setAttr(node, key, value) {
    if (node.getAttribute(key) !== value) node.setAttribute(key, value);
  }

  function syncChildren(parent, nodes) {
    nodes.forEach((node, index) => {
      if (parent.children[index] !== node) parent.insertBefore(node, parent.children[index] || null);
    });
    while (parent.children.length > nodes.length) parent.lastElementChild.remove();
  }

  function drawBoard(columns) {
    const seenColumns = new Set();
    const seenCards = new Set();
    const sections = columns.map((column) => {
      seenColumns.add(column.id);
      let node = columnNodes.get(column.id);
      if (!node) {
        node = { title: el("span"), count: el("span", { class: "count" }), list: el("ul"),
                 empty: el("p", { class: "empty", text: "No topics yet" }) };
        node.section = el("section", { class: "column" },
          [el("h2", {}, [node.title, node.count]), node.empty, node.list]);
        columnNodes.set(column.id, node);
      }
      setText(node.title, column.title);
      setAttr(node.section, "aria-label", column.title);
      setText(node.count, String(column.topics.length));
      node.empty.hidden = column.topics.length > 0;
      syncChildren(node.list, column.topics.map((topic) => {
        seenCards.add(topic.id);
        return drawCard(topic);
      }));
      return node.section;
    });
    syncChildren($("board"), sections);
    for (const id of columnNodes.keys()) if (!seenColumns.has(id)) columnNodes.delete(id);
    for (const id of cardNodes.keys()) if (!seenCards.has(id)) cardNodes.delete(id);
  }

  function drawCard(topic) {
    let node = cardNodes.get(topic.id);
    if (!node) {
      node = {
        title: el("p", { class: "card-title" }),
        who: el("span"),
        tally: el("span", { class: "tally" }),
        vote: el("button", { type: "button", text: "Vote", onclick: () => vote(topic.id, false) }),
        back: el("button", {
          type: "button", class: "secondary", text: "Take back", onclick: () => vote(topic.id, true),
        }),
        dots: el("span", { class: "dots" }),
      };
      node.meta = el("p", { class: "card-meta" }, [node.who, node.tally]);
      node.actions = el("div", { class: "card-actions" }, [node.vote, node.back, node.dots]);
      node.li = el("li", {}, [node.title, node.meta, node.actions]);
      cardNodes.set(topic.id, node);
    }
    const meta = [topic.author, topic.category].filter(Boolean).join(" · ");
    setAttr(node.li, "class", "card" + (topic.mine ? " mine" : ""));
    setText(node.title, topic.title);
    setText(node.who, meta);
    node.tally.hidden = topic.votes === null;
    if (topic.votes !== null) setText(node.tally, `${topic.votes} ${topic.votes === 1 ? "vote" : "votes"}`);
    node.meta.hidden = !meta && topic.votes === null;
    node.actions.hidden = !name;
    setAttr(node.vote, "aria-label", "Vote for " + topic.title);
    setAttr(node.back, "aria-label", "Take back a vote from " + topic.title);
    node.back.hidden = topic.my_votes === 0;
    node.dots.hidden = topic.my_votes === 0;
    setText(node.dots, "●".repeat(topic.my_votes));
    setAttr(node.dots, "aria-label", `your ${topic.my_votes === 1 ? "vote" : topic.my_votes + " votes"}`);
    return node.li;
  }

  function remaining() {
    if (!clock) return 0;
    const passed = clock.running ? Math.floor((performance.now() - clock.at) / 1000) : 0;
    return clock.remaining - passed;
  }

  function format(seconds) {
    const abs = Math.abs(seconds);
    const text = `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
    return seconds < 0 ? "+" + text : text;
  }

  function drawTimer() {
    const item = state && state.item;
    $("timer").hidden = !item;
    if (!item) return;
    const left = remaining();
    $("item-title").textContent = item.title;
    $("item-state").textContent = item.running ? (left < 0 ? "Over time" : "Now") : (item.status === "paused" ? "Paused" : "Next");
    $("item-clock").textContent = format(left);
    $("item-clock").classList.toggle("over", left < 0);
    if (clock && clock.running && left <= 0 && !beeped) {
      beeped = true;
      if ($("sound").checked) beep();
    }
  }

  function beep() {
    if (!audio) return;
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.8);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.8);
  }

  $("sound").addEventListener("change", () => {
    const Context = window.AudioContext || window.webkitAudioContext;
    if ($("sound").checked && !audio && Context) audio = new Context();
  });

  setInterval(drawTimer, 1000);
  showJoined();
  if (name) {
    $("name").value = name;
    join(name).then((ok) => { if (!ok) { name = ""; showJoined(); connect(); } });
  } else {
    connect();
  }
})();
