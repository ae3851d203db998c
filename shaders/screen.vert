#version 330 core
//#include transform.glsl
// Map furniture: triangles laid out on the CPU in whole-image device pixels, coloured per vertex.
layout(location = 0) in vec2 aPixel;
layout(location = 1) in vec4 aColor;
flat out vec4 vColor;

void main() {
    vColor = aColor;
    gl_Position = pixelToClip(aPixel);
}
