// NewsGraph's query page: starts the Fuseki query UI (jena-fuseki-ui), which is served unchanged,
// with what the server generates in ./newsgraph.json: the dataset, the named queries (with their
// PREFIX lines), NewsGraph's prefixes and the UI's entry files. Loaded with "defer", so #app exists.
(function () {
  "use strict";

  // The editor asks prefix.cc for prefix completions and Linked Open Vocabularies for class and
  // property completions. The server works offline and a query must not leak: both go to this
  // server instead (./prefixes.json, and ./terms with the same parameters and answer shape). The
  // page's Content-Security-Policy blocks any other origin regardless.
  var networkFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var local = localUrl(typeof input === "string" ? input : input && input.url);
    return local ? networkFetch(local, init) : networkFetch(input, init);
  };

  function localUrl(url) {
    var u;
    try {
      u = new URL(url, window.location.href);
    } catch (e) {
      return null;
    }
    if (u.hostname === "prefix.cc") {
      return "./prefixes.json";
    }
    if (u.hostname === "lov.linkeddata.es") {
      return "./terms" + u.search;
    }
    return null;
  }

  // The query view ("DatasetQuery", a Vue component) takes its examples and its prefix menu from
  // its own data. Vue sets #app.__vue_app__ when the UI mounts, before any view is created (the
  // router resolves views asynchronously): catching that assignment registers a global mixin
  // that fills those two lists when the query view is created.
  function whenMounted(root, config) {
    var app;
    Object.defineProperty(root, "__vue_app__", {
      configurable: true,
      get: function () {
        return app;
      },
      set: function (value) {
        app = value;
        app.mixin({
          created: function () {
            if (this.$options.name === "DatasetQuery") {
              this.queries = config.queries.concat(this.queries);
              if (config.prefixes.length > 0) {
                this.prefixes = config.prefixes;
              }
            }
          },
        });
      },
    });
  }

  // Links to the pages for people.
  function addPageLinks() {
    var nav = document.createElement("nav");
    nav.className = "newsgraph-pages";
    nav.setAttribute("aria-label", "NewsGraph pages");
    [
      ["/entities", "Entities"],
      ["/graph", "Network"],
      ["/timeline", "Timeline"],
    ].forEach(function (link) {
      var a = document.createElement("a");
      a.href = link[0];
      a.textContent = link[1];
      nav.appendChild(a);
    });
    document.body.appendChild(nav);
  }

  function start(config) {
    // "/" opens the query view of the dataset.
    if (!window.location.hash || window.location.hash === "#/") {
      window.location.replace("#/dataset/" + config.dataset + "/query");
    }
    whenMounted(document.getElementById("app"), config);
    config.ui.stylesheets.forEach(function (href) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      document.head.insertBefore(link, document.head.querySelector('link[rel="stylesheet"]'));
    });
    var script = document.createElement("script");
    script.type = "module";
    script.src = config.ui.script;
    document.head.appendChild(script);
    addPageLinks();
  }

  networkFetch("./newsgraph.json")
    .then(function (response) {
      if (!response.ok) {
        throw new Error(response.status + " " + response.statusText);
      }
      return response.json();
    })
    .then(start)
    .catch(function (e) {
      document.getElementById("app").textContent = "Cannot start the query page: " + e.message;
    });
})();
