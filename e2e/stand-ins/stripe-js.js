// A stand-in of Stripe.js for end-to-end tests, served by page.route("https://js.stripe.com/**").
// It mounts an iframe-less card element (inputs named like Stripe's: cardnumber, exp-date, cvc) and
// confirms SetupIntents against the Stripe API stand-in, as Stripe.js does against api.stripe.com:
// the card number goes from this script to the stand-in only, never to Herald.
(function () {
  const API = "__STRIPE_API_URL__";

  async function api(key, path, fields) {
    const body = new URLSearchParams({ key, ...fields });
    let res;
    try {
      res = await fetch(API + path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    } catch {
      return { error: { type: "api_connection_error", message: "We could not connect to Stripe." } };
    }
    const json = await res.json();
    return res.ok ? { data: json } : { error: json.error };
  }

  function createCardElement() {
    const listeners = {};
    const emit = (event, payload) => (listeners[event] || []).forEach((cb) => cb(payload));
    const inputs = {};
    let root;
    const element = {
      mount(node) {
        root = document.createElement("div");
        root.style.display = "flex";
        root.style.gap = "8px";
        for (const [name, label, width] of [["cardnumber", "Card number", "60%"], ["exp-date", "MM / YY", "20%"], ["cvc", "CVC", "20%"]]) {
          const input = document.createElement("input");
          // No form association: like Stripe's iframe, the values never join Herald's form data.
          input.setAttribute("form", "stripe-stand-in-detached");
          input.name = name;
          input.placeholder = label;
          input.setAttribute("aria-label", label);
          input.inputMode = "numeric";
          input.autocomplete = "off";
          input.style.width = width;
          input.style.outline = "none";
          input.addEventListener("input", () => emit("change", { elementType: "card", empty: !inputs.cardnumber.value, complete: complete() }));
          inputs[name] = input;
          root.appendChild(input);
        }
        (typeof node === "string" ? document.querySelector(node) : node).appendChild(root);
        setTimeout(() => emit("ready", { elementType: "card" }));
      },
      on(event, cb) {
        (listeners[event] = listeners[event] || []).push(cb);
        return element;
      },
      off(event, cb) {
        listeners[event] = (listeners[event] || []).filter((x) => x !== cb);
        return element;
      },
      update() {},
      focus() {
        if (inputs.cardnumber) inputs.cardnumber.focus();
      },
      blur() {},
      clear() {
        Object.values(inputs).forEach((i) => (i.value = ""));
      },
      unmount() {
        if (root) root.remove();
      },
      destroy() {
        element.unmount();
      },
      values() {
        const [month, year] = inputs["exp-date"].value.split("/").map((s) => s.trim());
        return { number: inputs.cardnumber.value.replace(/\s/g, ""), exp_month: month, exp_year: year && year.length === 2 ? "20" + year : year, cvc: inputs.cvc.value };
      },
    };
    function complete() {
      const v = element.values();
      return /^\d{12,19}$/.test(v.number) && /^\d{1,2}$/.test(v.exp_month || "") && /^\d{4}$/.test(v.exp_year || "") && /^\d{3,4}$/.test(v.cvc);
    }
    element.complete = complete;
    return element;
  }

  function validation(element) {
    const v = element.values();
    if (!/^\d{12,19}$/.test(v.number)) return "Your card number is incomplete.";
    if (!/^\d{1,2}$/.test(v.exp_month || "") || !/^\d{4}$/.test(v.exp_year || "")) return "Your card's expiration date is incomplete.";
    if (!/^\d{3,4}$/.test(v.cvc)) return "Your card's security code is incomplete.";
    return null;
  }

  function Stripe(key) {
    if (!(this instanceof Stripe)) return new Stripe(key);
    const created = {};
    const unsupported = () => Promise.reject(new Error("Not implemented by the Stripe.js stand-in."));

    this.elements = () => ({
      create(type) {
        if (type !== "card") throw new Error("The Stripe.js stand-in only offers the card element.");
        return (created.card = createCardElement());
      },
      // Like Stripe.js, accepts a type or a React Stripe.js component (which carries __elementType).
      getElement: (type) => created[typeof type === "string" ? type : type && type.__elementType] || null,
      update() {},
      fetchUpdates: () => Promise.resolve({}),
    });

    this.confirmCardSetup = async (clientSecret, data) => {
      const element = data && data.payment_method && data.payment_method.card;
      const invalid = validation(element);
      if (invalid) return { error: { type: "validation_error", code: "incomplete", message: invalid } };
      const v = element.values();
      const name = (data.payment_method.billing_details || {}).name || "";
      const pm = await api(key, "/v1/payment_methods", {
        type: "card",
        "card[number]": v.number,
        "card[exp_month]": v.exp_month,
        "card[exp_year]": v.exp_year,
        "card[cvc]": v.cvc,
        "billing_details[name]": name,
      });
      if (pm.error) return { error: pm.error };
      const id = clientSecret.split("_secret_")[0];
      const confirmed = await api(key, "/v1/setup_intents/" + id + "/confirm", { client_secret: clientSecret, payment_method: pm.data.id });
      if (confirmed.error) return { error: confirmed.error };
      if (confirmed.data.status === "requires_action") {
        // The bank's challenge window is where the cardholder would confirm; here it is never
        // completed, which Stripe.js reports as this error.
        return {
          error: {
            type: "invalid_request_error",
            code: "setup_intent_authentication_failure",
            message: "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
            setup_intent: confirmed.data,
          },
        };
      }
      return { setupIntent: confirmed.data };
    };
    this.createPaymentMethod = unsupported;
    this.createToken = unsupported;
    this.confirmCardPayment = unsupported;
    this._registerWrapper = () => {};
    this.registerAppInfo = () => {};
  }
  Stripe.version = "clover";
  window.Stripe = Stripe;
})();
