// Workspace chat widget. Embed with:
//   <script src="https://your-workspace/widget.js" async
//           data-customer-id="..." data-customer-signature="..." data-customer-name="..."></script>
// The customer id and signature are optional: without them the visitor chats anonymously. The
// signature is HMAC-SHA256 of the customer id with the workspace secret, computed by the host's server.
//
// Delivery: every message carries a client message id; it is shown as "Sending" until the server
// acknowledges it (stored), "Failed" with a Retry button when it cannot be sent, and re-sent with the
// same id after a reconnect, so it is stored once whatever happens. After a reconnect the widget asks
// for everything after the last sequence number it saw and shows each message once, in order.
// Every text from the server is inserted with textContent: nothing a customer or agent writes can run.
(function () {
    "use strict";

    const script = document.currentScript;
    const base = new URL(script ? script.src : "/widget.js", window.location.href);
    const origin = base.origin;
    const config = {
        customerId: script && script.dataset.customerId || null,
        signature: script && script.dataset.customerSignature || null,
        name: script && script.dataset.customerName || null,
        open: script && script.dataset.open === "true",
    };
    const tokenKey = "workspace.chat.token:" + origin;
    const maxLength = 4000;

    function loadSignalR() {
        if (window.signalR) {
            return Promise.resolve(window.signalR);
        }
        return new Promise((resolve, reject) => {
            const s = document.createElement("script");
            s.src = origin + "/lib/signalr/signalr.min.js";
            s.onload = () => resolve(window.signalR);
            s.onerror = () => reject(new Error("Could not load the chat client."));
            document.head.appendChild(s);
        });
    }

    function newId() {
        if (window.crypto && crypto.randomUUID) {
            return crypto.randomUUID();
        }
        return "m-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
    }

    function el(tag, attrs, text) {
        const e = document.createElement(tag);
        for (const [k, v] of Object.entries(attrs || {})) {
            e.setAttribute(k, v);
        }
        if (text !== undefined && text !== null) {
            e.textContent = text;
        }
        return e;
    }

    const styles = `
        :host { all: initial; }
        * { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
        .launcher { position: fixed; right: 20px; bottom: 20px; border: 0; border-radius: 28px; padding: 14px 20px;
            background: #283593; color: #fff; font-size: 15px; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); z-index: 2147483000; }
        .panel { position: fixed; right: 20px; bottom: 20px; width: 360px; max-width: calc(100vw - 24px); height: 520px;
            max-height: calc(100vh - 40px); display: flex; flex-direction: column; background: #fff; color: #1d1d1f;
            border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.25); overflow: hidden; z-index: 2147483000; }
        .panel[hidden], .launcher[hidden] { display: none; }
        header { background: #283593; color: #fff; padding: 12px 14px; display: flex; align-items: center; gap: 8px; }
        header h2 { font-size: 16px; margin: 0; font-weight: 600; flex: 1; }
        header .who { font-size: 12px; opacity: .85; display: block; font-weight: 400; }
        header button { background: transparent; border: 0; color: #fff; font-size: 20px; cursor: pointer; }
        .status { font-size: 12px; padding: 4px 14px; background: #fff3cd; color: #6b4e00; }
        .status[hidden] { display: none; }
        ol { list-style: none; margin: 0; padding: 12px; flex: 1; overflow-y: auto; display: flex; flex-direction: column; gap: 8px; background: #f5f6fa; }
        li { max-width: 85%; padding: 8px 10px; border-radius: 10px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 14px; line-height: 1.35; }
        li.customer { align-self: flex-end; background: #3949ab; color: #fff; border-bottom-right-radius: 2px; }
        li.agent, li.system { align-self: flex-start; background: #fff; border: 1px solid #e0e2ea; border-bottom-left-radius: 2px; }
        li .author { display: block; font-size: 11px; font-weight: 600; margin-bottom: 2px; color: #3949ab; }
        li .state { display: block; font-size: 11px; margin-top: 3px; opacity: .85; text-align: right; }
        li.failed { background: #b3261e; }
        li .retry { margin-left: 6px; font-size: 11px; border: 1px solid #fff; background: transparent; color: #fff; border-radius: 4px; cursor: pointer; }
        .typing { font-size: 12px; color: #555; padding: 2px 14px 4px; min-height: 18px; background: #f5f6fa; }
        .rating { padding: 10px 14px; border-top: 1px solid #e0e2ea; font-size: 13px; }
        .rating[hidden] { display: none; }
        .rating button { margin: 6px 4px 0 0; padding: 6px 10px; border: 1px solid #3949ab; background: #fff; color: #3949ab; border-radius: 6px; cursor: pointer; }
        form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e0e2ea; background: #fff; }
        textarea { flex: 1; resize: none; height: 44px; padding: 8px; border: 1px solid #b0b4c8; border-radius: 8px; font-size: 14px; }
        form button { border: 0; border-radius: 8px; padding: 0 14px; background: #3949ab; color: #fff; font-size: 14px; cursor: pointer; }
        form button:disabled { opacity: .5; cursor: default; }
        .error { color: #b3261e; font-size: 12px; padding: 0 14px 6px; background: #fff; }
        .error:empty { display: none; }
    `;

    function mount() {
        const host = el("div", { id: "workspace-chat" });
        document.body.appendChild(host);
        const root = host.attachShadow({ mode: "open" });
        root.appendChild(el("style", {}, styles));

        const launcher = el("button", { class: "launcher", type: "button", "aria-label": "Open chat" }, "Chat with us");
        const panel = el("section", { class: "panel", role: "dialog", "aria-label": "Chat with support" });
        panel.hidden = true;
        const header = el("header");
        const title = el("h2", {}, "Support");
        const who = el("span", { class: "who" }, "We usually answer within minutes");
        title.appendChild(who);
        const close = el("button", { type: "button", "aria-label": "Close chat" }, "×");
        header.append(title, close);
        const status = el("div", { class: "status", role: "status" });
        status.hidden = true;
        const list = el("ol", { "aria-label": "Conversation", "aria-live": "polite" });
        const typing = el("div", { class: "typing", "aria-live": "polite" });
        const rating = el("div", { class: "rating", role: "group", "aria-label": "Rate this conversation" });
        rating.hidden = true;
        const form = el("form");
        const box = el("textarea", { "aria-label": "Message", placeholder: "Write a message…", maxlength: String(maxLength) });
        const send = el("button", { type: "submit" }, "Send");
        form.append(box, send);
        const error = el("div", { class: "error", role: "alert" });
        panel.append(header, status, list, typing, rating, error, form);
        root.append(launcher, panel);

        function setOpen(open) {
            panel.hidden = !open;
            launcher.hidden = open;
            if (open) {
                box.focus();
            }
        }
        launcher.addEventListener("click", () => setOpen(true));
        close.addEventListener("click", () => setOpen(false));
        setOpen(config.open);
        return { list, typing, rating, form, box, send, error, status, who };
    }

    async function start() {
        const ui = mount();
        let signalR;
        try {
            signalR = await loadSignalR();
        } catch (e) {
            ui.error.textContent = e.message;
            return;
        }

        const connection = new signalR.HubConnectionBuilder()
            .withUrl(origin + "/hubs/customer")
            .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(10000, 500 * Math.pow(2, ctx.previousRetryCount)) })
            .build();

        const shown = new Map();      // sequence -> li (each message shown once)
        const pending = new Map();    // clientMessageId -> { body, li, state }
        let conversation = null;
        let lastSequence = 0;
        let started = false;

        function scroll() {
            ui.list.scrollTop = ui.list.scrollHeight;
        }

        function render(message) {
            if (shown.has(message.sequence)) {
                return;
            }
            const mine = pending.get(message.clientMessageId);
            let li;
            if (mine && message.author === "customer") {
                li = mine.li;
                pending.delete(message.clientMessageId);
                li.className = "customer";
                li.querySelector(".state").textContent = "Delivered";
            } else {
                li = el("li", { class: message.author });
                if (message.author !== "customer") {
                    li.appendChild(el("span", { class: "author" }, message.authorName || "Support"));
                }
                li.appendChild(document.createTextNode(message.body));
                if (message.author === "customer") {
                    li.appendChild(el("span", { class: "state" }, "Delivered"));
                }
            }
            li.dataset.sequence = String(message.sequence);
            shown.set(message.sequence, li);
            // Stored messages stay in sequence order, whatever order they arrive in (a catch-up can bring
            // older ones late); messages still being sent stay below them, in the order they were written.
            const before = [...ui.list.children].find(c => c !== li && (!c.dataset.sequence || Number(c.dataset.sequence) > message.sequence));
            if (before) {
                ui.list.insertBefore(li, before);
            } else {
                ui.list.appendChild(li);
            }
            lastSequence = Math.max(lastSequence, message.sequence);
            scroll();
        }

        function updateConversation(c) {
            if (!c) {
                return;
            }
            conversation = c;
            ui.who.textContent = c.agentName ? c.agentName + " is answering" : "Waiting for the next available agent";
            ui.rating.replaceChildren();
            if (c.ratingRequested) {
                ui.rating.hidden = false;
                ui.rating.appendChild(el("div", {}, "How did we do? Rate this conversation:"));
                for (let score = 1; score <= 5; score++) {
                    const b = el("button", { type: "button", "aria-label": "Rate " + score + " out of 5" }, String(score));
                    b.addEventListener("click", async () => {
                        try {
                            updateConversation(await connection.invoke("Rate", c.id, score));
                        } catch (e) {
                            ui.error.textContent = cleanError(e);
                        }
                    });
                    ui.rating.appendChild(b);
                }
            } else if (c.csat) {
                ui.rating.hidden = false;
                ui.rating.textContent = "Thanks for rating us " + c.csat + " out of 5.";
            } else {
                ui.rating.hidden = true;
            }
        }

        function cleanError(e) {
            const text = (e && e.message) || String(e);
            const marker = "HubException: ";
            const at = text.indexOf(marker);
            return at >= 0 ? text.slice(at + marker.length) : text;
        }

        async function deliver(clientMessageId) {
            const item = pending.get(clientMessageId);
            if (!item) {
                return;
            }
            item.li.className = "customer";
            item.li.querySelector(".state").textContent = "Sending…";
            if (!started) {
                return; // sent again after the connection is back
            }
            try {
                const stored = await connection.invoke("Send", { clientMessageId, body: item.body });
                await fillGap(stored);
                render(stored);
                if (!conversation || conversation.id !== stored.conversationId) {
                    conversation = { id: stored.conversationId };
                }
            } catch (e) {
                if (connection.state !== signalR.HubConnectionState.Connected) {
                    return; // the reconnect re-sends it with the same id
                }
                item.li.className = "customer failed";
                const state = item.li.querySelector(".state");
                state.textContent = "Failed: " + cleanError(e);
                const retry = el("button", { type: "button", class: "retry" }, "Retry");
                retry.addEventListener("click", () => deliver(clientMessageId));
                state.appendChild(retry);
            }
        }

        async function resume() {
            const session = await connection.invoke("Start", {
                token: config.customerId ? null : localStorage.getItem(tokenKey),
                externalId: config.customerId,
                signature: config.signature,
                name: config.name,
            });
            if (session.token) {
                localStorage.setItem(tokenKey, session.token);
            }
            started = true;
            ui.status.hidden = true;
            if (session.conversation) {
                updateConversation(session.conversation);
                for (const m of session.messages) {
                    render(m);
                }
                if (lastSequence > 0) {
                    for (const m of await connection.invoke("CatchUp", session.conversation.id, lastSequence)) {
                        render(m);
                    }
                }
            }
            for (const id of [...pending.keys()]) {
                await deliver(id);
            }
        }

        // A push or acknowledgement that skips sequence numbers means something was missed (another tab
        // wrote before this one joined): fetch the gap instead of leaving a hole.
        async function fillGap(m) {
            if (lastSequence > 0 && m.sequence > lastSequence + 1 && started) {
                try {
                    for (const missed of await connection.invoke("CatchUp", m.conversationId, lastSequence)) {
                        render(missed);
                    }
                } catch (e) {
                    ui.error.textContent = cleanError(e);
                }
            }
        }

        connection.on("MessageReceived", async m => {
            if (!conversation || m.conversationId === conversation.id) {
                await fillGap(m);
                render(m);
            }
        });
        connection.on("ConversationUpdated", c => updateConversation(c));
        let typingTimer = null;
        connection.on("AgentTyping", (isTyping, name) => {
            ui.typing.textContent = isTyping ? name + " is typing…" : "";
            clearTimeout(typingTimer);
            if (isTyping) {
                typingTimer = setTimeout(() => { ui.typing.textContent = ""; }, 6000);
            }
        });
        connection.onreconnecting(() => {
            started = false;
            ui.status.hidden = false;
            ui.status.textContent = "Connection lost. Reconnecting…";
        });
        connection.onreconnected(() => resume().catch(e => { ui.error.textContent = cleanError(e); }));
        connection.onclose(() => {
            started = false;
            ui.status.hidden = false;
            ui.status.textContent = "Disconnected. Trying again…";
            setTimeout(connect, 3000);
        });

        ui.form.addEventListener("submit", async ev => {
            ev.preventDefault();
            const body = ui.box.value;
            ui.error.textContent = "";
            if (!body.trim()) {
                ui.error.textContent = "Write something before sending.";
                return;
            }
            if (body.length > maxLength) {
                ui.error.textContent = "The message is too long: at most " + maxLength + " characters.";
                return;
            }
            const clientMessageId = newId();
            const li = el("li", { class: "customer" });
            li.appendChild(document.createTextNode(body));
            li.appendChild(el("span", { class: "state" }, "Sending…"));
            ui.list.appendChild(li);
            scroll();
            pending.set(clientMessageId, { body, li });
            ui.box.value = "";
            sendTyping(false);
            await deliver(clientMessageId);
        });
        ui.box.addEventListener("keydown", ev => {
            if (ev.key === "Enter" && !ev.shiftKey) {
                ev.preventDefault();
                ui.form.requestSubmit();
            }
        });
        let typingSent = false;
        let idleTimer = null;
        function sendTyping(isTyping) {
            if (!started || typingSent === isTyping) {
                return;
            }
            typingSent = isTyping;
            connection.invoke("Typing", isTyping).catch(() => { });
        }
        ui.box.addEventListener("input", () => {
            sendTyping(ui.box.value.length > 0);
            clearTimeout(idleTimer);
            idleTimer = setTimeout(() => sendTyping(false), 4000);
        });

        async function connect() {
            try {
                await connection.start();
                await resume();
            } catch (e) {
                ui.status.hidden = false;
                ui.status.textContent = "Cannot reach support right now. Trying again…";
                if (connection.state === signalR.HubConnectionState.Connected) {
                    ui.error.textContent = cleanError(e);
                } else {
                    setTimeout(connect, 3000);
                }
            }
        }
        await connect();
        window.workspaceChat = { connection, state: () => ({ lastSequence, conversation, pending: pending.size }) };
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
