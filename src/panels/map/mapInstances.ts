/**
 * Remembers each Leaflet map by its container element, so the export can project coordinates
 * with the live map (`latLngToContainerPoint`) without the map component handing out refs.
 * Imported for its side effect by BorderMapPanel; tiny and free of export code.
 */
import L from 'leaflet';

const maps = new WeakMap<HTMLElement, L.Map>();

L.Map.addInitHook(function (this: L.Map) {
  maps.set(this.getContainer(), this);
});

export function mapForContainer(container: HTMLElement): L.Map | undefined {
  return maps.get(container);
}
