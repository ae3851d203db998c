#version 330 core
// Copies an image pixel for pixel (into a multisampled buffer, where a blit cannot write).
out vec4 fragColor;
uniform sampler2D uImage;

void main() { fragColor = texelFetch(uImage, ivec2(gl_FragCoord.xy), 0); }
