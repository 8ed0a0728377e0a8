// Enhances the Enterprise Zone list with a Leaflet map of the same sites.
// The page works without it: the list and its filter are plain HTML.
(function () {
  "use strict";

  function popupContent(feature) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = feature.properties.url;
    link.textContent = feature.properties.name;
    box.appendChild(link);
    if (feature.properties.location_is_approximate) {
      var note = document.createElement("p");
      note.textContent = "Approximate location: the town's centre, not the site.";
      box.appendChild(note);
    }
    return box;
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
    if (container.dataset.tileUrl) {
      L.tileLayer(container.dataset.tileUrl, {
        attribution: container.dataset.attribution,
        maxZoom: 18,
      }).addTo(map);
    }
    var markers = features.map(function (feature) {
      var lonLat = feature.geometry.coordinates;
      var marker = L.circleMarker([lonLat[1], lonLat[0]], {
        radius: 9,
        weight: 2,
        color: "#074c48",
        fillColor: feature.properties.location_is_approximate ? "#f2c14e" : "#0b6e69",
        fillOpacity: 0.9,
        className: "funding-map__marker",
      });
      marker.bindPopup(popupContent(feature));
      marker.bindTooltip(feature.properties.name);
      return marker.addTo(map);
    });
    if (markers.length) {
      map.fitBounds(L.featureGroup(markers).getBounds().pad(0.2), { maxZoom: 12 });
    } else {
      map.setView([55.0, -1.6], 8);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
