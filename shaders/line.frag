#version 330 core
// Writes coverage only; lines of a layer are max-blended into one coverage buffer and then
// composited once in the layer colour, so joints and crossings are never darker than the line.
noperspective in vec2 gLocal;
flat in float gLength;
out vec4 fragColor;

uniform float uHalfWidth;
uniform float uOpacity;  // below 1 for lines thinner than a pixel: fainter rather than aliased

void main() {
    float along = clamp(gLocal.x, 0.0, gLength);
    float d = length(vec2(gLocal.x - along, gLocal.y));
    float cover = clamp(uHalfWidth + 0.5 - d, 0.0, 1.0) * uOpacity;
    if (cover <= 0.0) discard;
    fragColor = vec4(cover);
}
