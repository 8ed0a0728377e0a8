// Enhances the Enterprise Zone list with a Leaflet map of the same sites.
// The page works without it: the list and its filter are plain HTML.
(function () {
  "use strict";

  function siteEntry(feature) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = feature.properties.url;
    link.textContent = feature.properties.name;
    item.appendChild(link);
    if (feature.properties.location_is_approximate) {
      item.appendChild(document.createTextNode(" (approximate location: the town's centre)"));
    }
    return item;
  }

  function popupContent(group) {
    var list = document.createElement("ul");
    list.className = "funding-map__popup";
    group.forEach(function (feature) {
      list.appendChild(siteEntry(feature));
    });
    return list;
  }

  // Sites placed at the same point (several share a town's centre) become one marker
  // whose popup lists them all, so none is hidden under another.
  function groupedByPoint(features) {
    var groups = {};
    var order = [];
    features.forEach(function (feature) {
      var key = feature.geometry.coordinates.join(",");
      if (!groups[key]) {
        groups[key] = [];
        order.push(key);
      }
      groups[key].push(feature);
    });
    return order.map(function (key) {
      return groups[key];
    });
  }

  function markerName(group) {
    var names = group.map(function (feature) {
      return feature.properties.name;
    });
    return group.length === 1 ? names[0] : group.length + " sites: " + names.join(", ");
  }

  function warnWhenTilesFail(layer, container) {
    var shown = false;
    layer.on("tileerror", function () {
      if (shown) return;
      shown = true;
      var message = document.createElement("p");
      message.className = "funding-map__message";
      message.setAttribute("role", "status");
      message.textContent =
        "The street map could not be loaded. The coastline and the sites are still shown, and all are listed below.";
      container.parentNode.insertBefore(message, container);
    });
  }

  // The coastline, drawn beneath the tiles from a file the site serves itself, so the
  // map still shows where the sites are when no tile server can be reached.
  function addBasemap(map, url) {
    map.createPane("basemap").style.zIndex = 150;
    fetch(url)
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (land) {
        if (!land) return;
        L.geoJSON(land, {
          pane: "basemap",
          interactive: false,
          attribution: "Coastline: Natural Earth (public domain)",
          style: {
            className: "funding-map__land",
            color: "#6b7a8f",
            weight: 1,
            fillColor: "#f4f1e8",
            fillOpacity: 1,
          },
        }).addTo(map);
      })
      .catch(function () {
        // The markers and the list below still show every site.
      });
  }

  // Tiles come from another server, which sees the visitor's address, and fail with
  // errors when it cannot be reached: they load only when the visitor asks.
  function offerStreetMap(map, container, toggle) {
    var button = toggle.querySelector("button");
    var tiles = null;
    toggle.hidden = false;
    button.addEventListener("click", function () {
      var show = button.getAttribute("aria-pressed") !== "true";
      if (show && !tiles) {
        tiles = L.tileLayer(container.dataset.tileUrl, {
          attribution: container.dataset.attribution,
          maxZoom: 18,
        });
        warnWhenTilesFail(tiles, container);
      }
      if (show) {
        tiles.addTo(map);
      } else {
        map.removeLayer(tiles);
      }
      button.setAttribute("aria-pressed", show ? "true" : "false");
    });
  }

  function start() {
    var container = document.getElementById("funding-map");
    var data = document.getElementById("funding-map-data");
    if (!container || !data || typeof L === "undefined") {
      return;
    }
    var features = JSON.parse(data.textContent);
    container.hidden = false;
    var map = L.map(container, { scrollWheelZoom: false });
    if (container.dataset.basemapUrl) {
      addBasemap(map, container.dataset.basemapUrl);
    }
    var toggle = document.getElementById("funding-map-tiles");
    if (container.dataset.tileUrl && toggle) {
      offerStreetMap(map, container, toggle);
    }
    var markers = groupedByPoint(features).map(function (group) {
      var lonLat = group[0].geometry.coordinates;
      var approximate = group.every(function (feature) {
        return feature.properties.location_is_approximate;
      });
      var name = markerName(group);
      var marker = L.marker([lonLat[1], lonLat[0]], {
        icon: L.divIcon({
          className: "funding-map__marker" + (approximate ? " funding-map__marker--approximate" : ""),
          html: group.length > 1 ? String(group.length) : "",
          iconSize: [26, 26],
        }),
        title: name,
        // The list below the map links every site for keyboard users; focusable
        // markers a few pixels apart would be touch targets too close together.
        keyboard: false,
      });
      marker.bindPopup(popupContent(group));
      marker.on("add", function () {
        marker.getElement().setAttribute("aria-label", name);
        marker.getElement().setAttribute("role", "img");
      });
      return marker;
    });
    if (markers.length) {
      map.fitBounds(L.featureGroup(markers).getBounds().pad(0.2), { maxZoom: 12 });
    } else {
      map.setView([55.0, -1.6], 8);
    }
    markers.forEach(function (marker) {
      marker.addTo(map);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
